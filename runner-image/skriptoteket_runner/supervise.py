"""Supervising the script's process: its own session, pipes (not files) so a print flood cannot fill /tmp,
a wall-clock timeout, and nothing it started outliving it. The warm entry (warm.py) uses the same readers
and the same supervision; only the moment the process is made differs."""

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time

from . import job as jobs

# runner.py is also the child's entry (`runner.py --child ...`), so the author's code gets its own process.
RUNNER_PATH = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "runner.py")
MPL_CACHE_SEED = "/opt/skriptoteket/mpl-cache"  # font cache built into the image by build.sh

# The only environment the user's script ever sees: nothing from the container is passed through.
CHILD_ENV = {
    "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    "HOME": "/tmp",
    "LANG": "C.UTF-8",
    "MPLBACKEND": "Agg",
    "MPLCONFIGDIR": "/tmp/mpl",
    "PYTHONDONTWRITEBYTECODE": "1",
}


class HeadReader(threading.Thread):
    """Drains a pipe to EOF, keeping only the first `keep` bytes and counting the rest."""

    def __init__(self, fd, keep):
        super().__init__(daemon=True)
        self.fd, self.keep = fd, keep
        self.head = bytearray()
        self.total = 0

    def run(self):
        try:
            while True:
                chunk = os.read(self.fd, 1 << 16)
                if not chunk:
                    break
                self.total += len(chunk)
                room = self.keep - len(self.head)
                if room > 0:
                    self.head += chunk[:room]
        except OSError:
            pass
        finally:
            os.close(self.fd)


def start_readers(caps, stdout_fd, stderr_fd, result_fd):
    """One reader per pipe of the script's process, already draining."""
    # The child's result message carries the (already capped) HTML, blocks and (v3) state as JSON; allow for escaping.
    readers = {
        "stdout": HeadReader(stdout_fd, caps["stdout_bytes"] + 4),
        "stderr": HeadReader(stderr_fd, caps["stderr_bytes"] + 4),
        "result": HeadReader(result_fd, (caps["html_bytes"] + caps["blocks_bytes"] + caps["state_bytes"]) * 6 + 65536),
    }
    for reader in readers.values():
        reader.start()
    return readers


def supervise(proc, readers, timeout_seconds, started):
    """Waits for the script's process at most `timeout_seconds`, then makes sure nothing it started lives on.
    Returns (return code, timed out?, duration in ms)."""
    timed_out = False
    try:
        proc.wait(timeout=timeout_seconds)
    except subprocess.TimeoutExpired:
        timed_out = True
        kill_group(proc.pid)
        proc.wait()
    duration_ms = int((time.monotonic() - started) * 1000)
    # A background process left behind by the script must not outlive it.
    kill_group(proc.pid)
    sweep_container()
    # Without the sweep (not PID 1) an escaped process may still hold a pipe: wait 2 s at most.
    deadline = time.monotonic() + 2
    for reader in readers.values():
        reader.join(timeout=max(0.0, deadline - time.monotonic()))
    return proc.returncode, timed_out, duration_ms


def run_child(job, input_path):
    """Runs the script in a fresh child process. Returns (return code, timed out?, duration ms, readers)."""
    caps = job["caps"]
    result_r, result_w = os.pipe()
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    readers = start_readers(caps, out_r, err_r, result_r)
    args = [sys.executable, "-I", RUNNER_PATH, "--child",
            job["entrypoint"], input_path, str(caps["html_bytes"]), str(result_w),
            str(job["version"]), json.dumps(caps)]
    started = time.monotonic()
    proc = subprocess.Popen(
        args, cwd=jobs.WORK, env=CHILD_ENV, stdin=subprocess.DEVNULL, stdout=out_w, stderr=err_w,
        pass_fds=(result_w,), start_new_session=True)
    for fd in (result_w, out_w, err_w):
        os.close(fd)
    return (*supervise(proc, readers, job["timeout_seconds"], started), readers)


def kill_group(pgid):
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def sweep_container():
    """As PID 1 of the container, kill every other process (even ones that left the process group
    with setsid) and reap them, so nothing keeps writing into /work/output or holds our pipes."""
    if os.getpid() != 1:
        return  # not the container's init (e.g. run by hand): the process-group kill must do
    for _ in range(5):
        alive = 0
        for entry in os.listdir("/proc"):
            if not entry.isdigit() or int(entry) == 1:
                continue
            try:
                with open("/proc/%s/stat" % entry, "rb") as f:
                    state = f.read().rsplit(b")", 1)[1].split()[0]
                if state == b"Z":
                    continue
                os.kill(int(entry), signal.SIGKILL)
                alive += 1
            except (OSError, IndexError):
                pass
        _reap_zombies()
        if not alive:
            return
        time.sleep(0.02)


def _reap_zombies():
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def seed_matplotlib_cache():
    """/tmp is a fresh tmpfs each run; the prebuilt font list spares matplotlib its font scan."""
    dest = CHILD_ENV["MPLCONFIGDIR"]
    try:
        names = os.listdir(MPL_CACHE_SEED)
        os.makedirs(dest, mode=0o700, exist_ok=True)
        for name in names:
            if name.startswith("fontlist") and name.endswith(".json"):
                shutil.copyfile(os.path.join(MPL_CACHE_SEED, name), os.path.join(dest, name))
    except OSError:
        pass  # no seed (e.g. run outside the image): matplotlib simply builds its cache
