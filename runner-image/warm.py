"""Warm entry of the runner image: a pool container waiting for its job with the libraries imported.

The host's warm pool (docs/execution.md, "Warm pool") starts containers with exactly the settings of a
normal run but this entrypoint (`python3 -I /opt/skriptoteket/warm.py [module ...]`). The protocol on
stdin/stdout is the one of runner.py (PROTOCOL.md); only the moment the script's process is made differs:

- At start, before any job, this wrapper starts the script's process ("the zygote") exactly as runner.py
  starts it for a job: same interpreter flags, environment, working directory, user, own session, stdin
  /dev/null, the same three pipes. The zygote imports exactly the modules named on the command line, in that
  order (the host's import profile, src/Grains/Execution/ImportProfile.cs: the one list of curated libraries
  lives there; none named = plain Python), with its stdout/stderr pointed at /dev/null, says "ready" on a
  pipe, and blocks until it is told what to call.
- When the job tar has been unpacked, runner.py runs the script through `run_child_warm` below: if the
  zygote is ready, it gets one message (what run_child puts on a cold child's command line: entrypoint, input
  path, HTML cap, protocol version, caps) and becomes the script's process
  through the same child.main, so the script finds its libraries already in sys.modules. The script's clock
  starts at that message, as the cold path's starts at the child's spawn.
- If the zygote is not ready yet (the job came during its imports) or died, it is killed and the script
  runs in a fresh child exactly as in a cold container: a job never waits for pre-imports.

One container serves one job; the zygote is never forked, so nothing is shared between runs (and no fork
after a library started threads). The wrapper writes "runner: warm ready ..." on stderr once the zygote is
ready: the host's pool reads it to prefer fully warm containers.
"""

import atexit
import gc
import importlib
import io
import json
import os
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import runner  # noqa: E402  (the wrapper proper; found through the line above, -I leaves HERE off sys.path)
from skriptoteket_runner import child, job as jobs, supervise  # noqa: E402
from skriptoteket_runner.texts import log  # noqa: E402

sys.path.remove(HERE)  # the script's sys.path stays exactly the cold child's

READY_LINE = "warm ready"


class Zygote:
    """The script's process, started before its job; PID 1 holds the other ends of its pipes."""

    def __init__(self, modules):
        self.started = time.monotonic()
        self.go_r, self.go_w = os.pipe()
        ready_r, ready_w = os.pipe()
        self.result_r, result_w = os.pipe()
        self.out_r, out_w = os.pipe()
        self.err_r, err_w = os.pipe()
        args = [sys.executable, "-I", os.path.abspath(__file__), "--zygote",
                str(self.go_r), str(ready_w), str(result_w), *modules]
        self.proc = subprocess.Popen(
            args, cwd=jobs.WORK, env=supervise.CHILD_ENV, stdin=subprocess.DEVNULL, stdout=out_w,
            stderr=err_w, pass_fds=(self.go_r, ready_w, result_w), start_new_session=True)
        for fd in (self.go_r, ready_w, result_w, out_w, err_w):
            os.close(fd)
        self.ready = threading.Event()
        threading.Thread(target=self._watch, args=(ready_r,), daemon=True).start()

    def _watch(self, ready_r):
        """Waits for the zygote's "ready" (or its death) and says so on stderr for the host's pool."""
        try:
            report = os.read(ready_r, 64).decode("ascii", "replace")
        finally:
            os.close(ready_r)
        if report:
            self.ready.set()
            log("%s (%s modules, %d ms)" % (
                READY_LINE, report, int((time.monotonic() - self.started) * 1000)))

    def is_ready(self):
        return self.ready.is_set() and self.proc.poll() is None

    def go(self, job, input_path):
        """What supervise.run_child passes a cold child on its command line, as one message."""
        message = json.dumps({"entrypoint": job["entrypoint"], "input_path": input_path,
                              "html_cap": job["caps"]["html_bytes"], "version": job["version"], "caps": job["caps"]})
        os.write(self.go_w, message.encode("utf-8"))
        os.close(self.go_w)

    def discard(self):
        """Kills an unready zygote; its watcher sees the ready pipe close and ends."""
        supervise.kill_group(self.proc.pid)
        self.proc.wait()
        for fd in (self.go_w, self.result_r, self.out_r, self.err_r):
            os.close(fd)


_zygote = None


def run_child_warm(job, input_path):
    """supervise.run_child for a warm container: same contract, same supervision, the zygote as the child."""
    z = _zygote
    if z is None or not z.is_ready():
        if z is not None:
            z.discard()
        log("warm: script process not ready, starting it cold")
        return supervise.run_child(job, input_path)
    readers = supervise.start_readers(job["caps"], z.out_r, z.err_r, z.result_r)
    started = time.monotonic()
    z.go(job, input_path)
    return (*supervise.supervise(z.proc, readers, job["timeout_seconds"], started), readers)


def warm_main(modules):
    global _zygote
    # The zygote may import matplotlib: its font cache must be in /tmp/mpl first, as for a cold child.
    supervise.seed_matplotlib_cache()
    _zygote = Zygote(modules)
    return runner.main([sys.argv[0]], run_child=run_child_warm)


# ---------------------------------------------------------------------------------------------
# Zygote side: import, say ready, wait for the one message, become the script's process.
# ---------------------------------------------------------------------------------------------

def zygote_main(go_fd, ready_fd, result_fd, modules):
    child.harden()  # oom_score_adj 1000 from the start: under pressure the kernel takes this one
    imported = _preimport(modules)
    # The libraries' objects move to the permanent generation: the script's collections and the exit's
    # scan for open files below only walk what the script made.
    gc.collect()
    gc.freeze()
    os.write(ready_fd, b"%d" % imported)
    os.close(ready_fd)
    chunks = []
    while True:
        chunk = os.read(go_fd, 1 << 16)
        if not chunk:
            break
        chunks.append(chunk)
    os.close(go_fd)
    if not chunks:
        return 0  # the container is going away without a job
    go = json.loads(b"".join(chunks).decode("utf-8"))
    code = child.main(go["entrypoint"], go["input_path"], int(go["html_cap"]), result_fd,
                             int(go["version"]), go["caps"])
    _exit_without_teardown(code)


def _exit_without_teardown(code):
    """Ends the script's process doing what interpreter shutdown does that a script can observe (wait for
    its threads, atexit handlers, flush what it left open) but skipping the teardown of the pre-imported
    libraries, which alone takes about 0.3 s."""
    threading._shutdown()  # what Py_FinalizeEx calls first: non-daemon threads finish as in a cold child
    atexit._run_exitfuncs()
    for obj in gc.get_objects():
        if isinstance(obj, io.IOBase):
            try:
                if not obj.closed:
                    obj.flush()
            except Exception:  # noqa: BLE001 - a broken file object is the script's, not ours
                pass
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:  # noqa: BLE001
            pass
    os._exit(code)


def _preimport(modules):
    """Imports the given modules in order with fds 1 and 2 on /dev/null: the run's stdout/stderr carry only
    the script's."""
    saved = os.dup(1), os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    imported = 0
    try:
        for name in modules:
            try:
                importlib.import_module(name)
                imported += 1
            except Exception:  # noqa: BLE001 - a missing library only means it is imported cold
                pass
    finally:
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
        for fd in (*saved, devnull):
            os.close(fd)
    return imported


def main(argv):
    if len(argv) >= 5 and argv[1] == "--zygote":
        return zygote_main(int(argv[2]), int(argv[3]), int(argv[4]), argv[5:])
    modules = argv[1:]
    if any(not name.replace(".", "").replace("_", "").isalnum() for name in modules):
        log("usage: warm.py [module ...] < job.tar")
        return 2
    return warm_main(modules)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
