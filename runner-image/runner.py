"""Skriptoteket runner wrapper: the fixed entrypoint of the runner image.

Protocol (see PROTOCOL.md): the host streams ONE tar on stdin (job.json, script.py, input/*) and
closes stdin; the wrapper unpacks it into /work, runs the script's entrypoint in a child process,
and writes ONE tar (result.json, stdout.txt, stderr.txt, artifacts/*) to its real stdout.

Exit code 0 means a result tar was written, whatever the script did. 2 = the input was refused
(bad tar or job.json), 3 = the wrapper itself broke. Diagnostics of the wrapper go to stderr.

The same file is the child: `python3 -I runner.py --child ...` imports and calls the user script,
so the user's code never shares a process (or fd 1) with the wrapper. Python 3.11, stdlib only.
The work itself is done by the parts in skriptoteket_runner/ (one concern each, see its __init__.py); this
file only puts them in order.
"""

import json
import os
import sys
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
# The helper module `skriptoteket` (and its block rules, shared with the wrapper) sits in lib/ next to this
# file; -I keeps it off sys.path, so it is added here, for the wrapper and for the script's child.
sys.path.insert(0, os.path.join(HERE, "lib"))
sys.path.insert(0, HERE)
from skriptoteket_runner import artifacts, child, job as jobs, outcome, result, supervise  # noqa: E402
from skriptoteket_runner.texts import log  # noqa: E402

sys.path.remove(HERE)  # the script's sys.path holds lib/ and the standard library, not the wrapper


def parent_main(run_child=supervise.run_child):
    """Unpacks the job, runs the script through `run_child` (a fresh child, or warm.py's waiting one),
    and writes the result tar. `run_child(job, input_path)` returns (code, timed out?, ms, readers)."""
    # Keep the real stdout for the result tar only; anything else printed by accident goes to stderr.
    result_fd = os.dup(1)
    os.dup2(2, 1)
    out = os.fdopen(result_fd, "wb")
    try:
        # Unbuffered: each read returns what has arrived, so the tar's end marker is enough and
        # the wrapper does not wait for stdin to close (tars need not be padded to 10 KiB records).
        job, inputs = jobs.unpack_job(sys.stdin.buffer.raw)
        input_path = jobs.prepare_work(job, inputs)
    except jobs.ProtocolError as e:
        log("input refused: %s" % e)
        return 2
    supervise.seed_matplotlib_cache()
    returncode, timed_out, duration_ms, readers = run_child(job, input_path)
    decided = outcome.decide_outcome(job, returncode, timed_out, readers["result"])
    accepted, skipped, omitted = artifacts.collect_artifacts(job["caps"])
    built, stdout_bytes, stderr_bytes = result.build(job, decided, readers, duration_ms, accepted, skipped, omitted)
    result.write_tar(out, built, stdout_bytes, stderr_bytes, accepted)
    out.flush()
    log("%s in %d ms, %d artifacts" % (decided["status"], duration_ms, len(accepted)))
    return 0


def main(argv, run_child=supervise.run_child):
    if len(argv) == 8 and argv[1] == "--child":
        return child.main(argv[2], argv[3], int(argv[4]), int(argv[5]), int(argv[6]), json.loads(argv[7]))
    if len(argv) != 1:
        log("usage: runner.py < job.tar")
        return 2
    try:
        return parent_main(run_child)
    except Exception:
        traceback.print_exc()
        return 3


if __name__ == "__main__":
    sys.exit(main(sys.argv))
