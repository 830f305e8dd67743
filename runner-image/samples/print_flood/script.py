import sys


def run_tool(input_path, output_dir):
    line = "spam " * 20
    for i in range(300_000):        # ~30 MB: more than the /tmp tmpfs holds
        print(i, line)
    for i in range(100_000):
        print(i, line, file=sys.stderr)
    return "<p>klart</p>"
