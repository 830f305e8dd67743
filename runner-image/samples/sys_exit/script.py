import sys


def run_tool(input_path, output_dir):
    sys.exit(3)
