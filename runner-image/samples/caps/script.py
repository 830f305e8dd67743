"""Runs into every cap of job.json: 4 artifacts, 1000 B each, 2500 B total, 100 B HTML, 10 B logs."""
import os
import sys


def run_tool(input_path, output_dir):
    for name, size in [("a.txt", 10), ("b.bin", 5000), ("c.txt", 900), ("d.txt", 900),
                       ("e.txt", 900), ("f.txt", 10), ("g.txt", 10)]:
        with open(os.path.join(output_dir, name), "wb") as f:
            f.write(b"x" * size)
    print("åäöåäöåäö")  # 18 bytes: cut to 10 without splitting a character
    print("fel" * 10, file=sys.stderr)
    return "å" * 80   # 160 bytes
