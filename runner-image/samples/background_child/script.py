"""Leaves processes running; the run must still end as soon as run_tool returns."""
import subprocess


def run_tool(input_path, output_dir):
    subprocess.Popen(["sleep", "1000"])
    subprocess.Popen(["sleep", "1000"], start_new_session=True)  # even outside the process group
    return "<p>lämnade barn kvar</p>"
