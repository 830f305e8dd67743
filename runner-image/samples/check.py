#!/usr/bin/env python3
"""Runs every sample (or the named ones) through the runner image with the real Docker engine,
exactly as PROTOCOL.md describes, and checks the result tar against the sample's expect.json.

    runner-image/samples/check.py [--image TAG] [--keep DIR] [sample ...]

A developer tool (the application itself talks to the Engine API, never to this CLI). The image
defaults to $Execution__RunnerImage, else to what runner-image/build.sh prints.
"""

import argparse
import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DOCKER = "/usr/bin/docker"
# The isolation the host applies to every run (SPEC §6); the .NET service sets the same.
RUN_FLAGS = [
    "run", "-i", "--rm", "--network", "none", "--read-only",
    "--tmpfs", "/work:size=64m,uid=10001,gid=10001",
    "--tmpfs", "/tmp:size=64m,uid=10001,gid=10001",
    "--cap-drop", "ALL", "--security-opt", "no-new-privileges",
    "--pids-limit", "64", "-m", "256m", "--memory-swap", "256m", "--cpus", "1",
]


def job_tar(sample_dir):
    """job.json, script.py, input/* (sorted by name: the first one is run_tool's input_path) and session/*
    (protocol v3: files of earlier steps)."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        tar.add(os.path.join(sample_dir, "job.json"), "job.json")
        tar.add(os.path.join(sample_dir, "script.py"), "script.py")
        for folder in ("input", "session"):
            path = os.path.join(sample_dir, folder)
            if os.path.isdir(path):
                for name in sorted(os.listdir(path)):
                    tar.add(os.path.join(path, name), folder + "/" + name)
    return buf.getvalue()


def run_sample(image, sample_dir):
    started = time.monotonic()
    proc = subprocess.run([DOCKER, *RUN_FLAGS, image], input=job_tar(sample_dir),
                          capture_output=True, timeout=300)
    return proc, time.monotonic() - started


def read_result(data):
    files = {}
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:") as tar:
        for member in tar:
            assert member.isreg(), f"non-file member {member.name}"
            files[member.name] = tar.extractfile(member).read()
    return json.loads(files.pop("result.json")), files


def check(expect, result, files, seconds):
    problems = []
    stdout = files.pop("stdout.txt").decode("utf-8")
    stderr = files.pop("stderr.txt").decode("utf-8")
    texts = {"html": result["html"], "stdout": stdout, "stderr": stderr,
             "error_summary": result["error_summary"] or ""}

    def want(cond, message):
        if not cond:
            problems.append(message)

    want(result["version"] == expect.get("version", 1), f"version {result['version']}")
    for key in ("error_kind", "error_detail", "blocks_truncated"):
        if key in expect:
            want(result.get(key) == expect[key], f"{key}: {result.get(key)!r}, expected {expect[key]!r}")
    blocks = result.get("blocks", [])
    if "blocks_kinds" in expect:
        kinds = [b["kind"] for b in blocks]
        want(kinds == expect["blocks_kinds"], f"blocks {kinds}, expected {expect['blocks_kinds']}")
    tables = [b for b in blocks if b["kind"] == "table"]
    if "table_shape" in expect:
        shape = [len(tables[0]["rows"]), len(tables[0]["columns"]), tables[0]["truncated"]] if tables else None
        want(shape == expect["table_shape"], f"table shape {shape}, expected {expect['table_shape']}")
    if "blocks_json_max_bytes" in expect:
        size = len(json.dumps(blocks, ensure_ascii=False).encode())
        want(size <= expect["blocks_json_max_bytes"], f"blocks take {size} bytes")
    # The blocks' JSON, and their texts as written (quotes in a notice unescaped).
    blocks_text = json.dumps(blocks, ensure_ascii=False) + "\n" + "\n".join(str(b.get("text", "")) for b in blocks)
    for part in expect.get("blocks_contains", []):
        want(part in blocks_text, f"blocks lack {part!r}")
    for part in expect.get("blocks_not_contains", []):
        want(part not in blocks_text, f"blocks contain {part!r}")
    # Protocol v3: what the run keeps for its session's next step.
    for key in ("state", "state_error", "kept", "steps_total"):
        if key in expect:
            want(result.get(key, "(absent)") == expect[key], f"{key}: {result.get(key, '(absent)')!r}, expected {expect[key]!r}")
    for part in expect.get("state_error_contains", []):
        want(part in (result.get("state_error") or ""), f"state_error lacks {part!r}: {result.get('state_error')!r}")
    for key in expect.get("absent", []):
        want(key not in result, f"result.json has {key}")
    for key in ("status", "html_truncated", "stdout_truncated", "stderr_truncated"):
        if key in expect:
            want(result[key] == expect[key], f"{key}: {result[key]!r}, expected {expect[key]!r}")
    for key in ("html", "stdout", "error_summary"):
        if key in expect:
            want(texts[key] == expect[key], f"{key}: {texts[key]!r}, expected {expect[key]!r}")
    for key in ("html", "stdout", "stderr", "error_summary"):
        for part in expect.get(key + "_contains", []):
            want(part in texts[key], f"{key} lacks {part!r}: {texts[key][:300]!r}")
        for part in expect.get(key + "_not_contains", []):
            want(part not in texts[key], f"{key} contains {part!r}")
    for key in ("stdout", "stderr"):
        if key + "_max_bytes" in expect:
            want(len(texts[key].encode()) <= expect[key + "_max_bytes"], f"{key} over its cap")
    if result["status"] == "succeeded":
        want(result["error_summary"] is None, "error_summary set on success")
    # Every listed artifact is in the tar with the stated size and hash, and nothing else is.
    listed = {a["name"]: a for a in result["artifacts"]}
    want(set(files) == {"artifacts/" + n for n in listed}, f"tar files {sorted(files)} != list")
    for name, art in listed.items():
        data = files.get("artifacts/" + name, b"")
        want(len(data) == art["bytes"] and hashlib.sha256(data).hexdigest() == art["sha256"],
             f"artifact {name}: size/hash mismatch")
    for name, prefix in expect.get("artifact_starts", {}).items():
        data = files.get("artifacts/" + name, b"")
        want(data.startswith(prefix.encode()), f"artifact {name} starts with {data[:20]!r}, expected {prefix!r}")
    if "artifacts" in expect:
        want(sorted(listed) == sorted(expect["artifacts"]),
             f"artifacts {sorted(listed)}, expected {sorted(expect['artifacts'])}")
    if "skipped" in expect:
        got = {s["name"]: s["reason"] for s in result["artifacts_skipped"]}
        want(got == expect["skipped"], f"skipped {got}, expected {expect['skipped']}")
    if "max_seconds" in expect:
        want(seconds <= expect["max_seconds"], f"took {seconds:.1f}s > {expect['max_seconds']}s")
    return problems


def default_image():
    image = os.environ.get("Execution__RunnerImage")
    if image:
        return image
    build = os.path.join(os.path.dirname(HERE), "build.sh")
    return subprocess.run([build], check=True, capture_output=True, text=True).stdout.strip()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--image")
    parser.add_argument("--keep", help="write each sample's result tar into this folder")
    parser.add_argument("samples", nargs="*")
    args = parser.parse_args()
    image = args.image or default_image()
    names = args.samples or sorted(
        d for d in os.listdir(HERE) if os.path.isfile(os.path.join(HERE, d, "expect.json")))
    passed = failed = 0
    for name in names:
        sample_dir = os.path.join(HERE, name)
        with open(os.path.join(sample_dir, "expect.json"), encoding="utf-8") as f:
            expect = json.load(f)
        proc, seconds = run_sample(image, sample_dir)
        if args.keep:
            os.makedirs(args.keep, exist_ok=True)
            with open(os.path.join(args.keep, name + ".tar"), "wb") as f:
                f.write(proc.stdout)
        if proc.returncode != expect.get("exit_code", 0):
            problems = [f"exit code {proc.returncode}: {proc.stderr.decode(errors='replace')[-500:]}"]
            result = {}
        elif proc.returncode != 0:
            # A refused job: nothing on stdout, the reason on stderr (PROTOCOL.md, "Exit codes").
            stderr = proc.stderr.decode(errors="replace")
            problems = [f"stderr lacks {part!r}: {stderr[-300:]!r}" for part in expect.get("stderr_contains", [])
                        if part not in stderr] + ([f"stdout not empty"] if proc.stdout else [])
            result = {"status": "refused"}
        else:
            result, files = read_result(proc.stdout)
            problems = check(expect, result, files, seconds)
        ok = not problems
        passed, failed = passed + ok, failed + (not ok)
        summary = result.get("error_summary") or ""
        print(f"{'PASS' if ok else 'FAIL'} {name:20} {seconds:5.2f}s  {result.get('status', '?'):9}"
              f" {result.get('duration_ms', 0):6} ms  {summary[:70]}")
        for problem in problems:
            print(f"     - {problem}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
