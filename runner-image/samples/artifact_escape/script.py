"""Tries to smuggle files out of the output folder; only real files inside it may come back."""
import os


def run_tool(input_path, output_dir):
    def write(rel, text="x"):
        path = os.path.join(output_dir, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)

    write("good.txt", "bra")
    write("../utanfor.txt")              # lands in /work, outside output: not collected
    write("Under mapp/Närvaro åk 7.txt")  # subfolder and non-ASCII name: flattened, made safe
    write(".dold")                        # hidden: renamed, no leading dot
    write("a_b.txt")
    write("a/b.txt")                      # flattens to a_b.txt too: de-duplicated
    os.symlink("/etc/passwd", os.path.join(output_dir, "link_passwd"))
    os.symlink("/", os.path.join(output_dir, "link_root"))
    os.symlink("../script.py", os.path.join(output_dir, "link_script"))
    os.mkfifo(os.path.join(output_dir, "fifo"))
    return "<p>försökte</p>"
