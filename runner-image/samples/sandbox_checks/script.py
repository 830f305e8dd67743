"""What the script can see of its sandbox: each check raises if isolation is missing."""
import os
import socket
import subprocess


def run_tool(input_path, output_dir):
    checks = []
    assert os.getuid() == 10001 and os.getgid() == 10001, "runs as runner"
    checks.append("uid")
    allowed = {"PATH", "HOME", "LANG", "MPLBACKEND", "MPLCONFIGDIR", "PYTHONDONTWRITEBYTECODE"}
    assert set(os.environ) <= allowed, f"unexpected environment: {sorted(set(os.environ) - allowed)}"
    checks.append("env")
    try:
        open("/opt/skriptoteket/runner.py", "a").close()
        raise AssertionError("wrapper is writable")
    except OSError:
        checks.append("wrapper-readonly")
    try:
        open("/usr/evil", "w").close()
        raise AssertionError("root filesystem is writable")
    except OSError:
        checks.append("rootfs-readonly")
    try:
        socket.create_connection(("1.1.1.1", 53), timeout=2)
        raise AssertionError("network reachable")
    except OSError:
        checks.append("no-network")
    assert not os.path.exists("/var/run/docker.sock"), "docker socket visible"
    checks.append("no-docker-socket")
    with open("/proc/self/status") as f:
        status = f.read()
    assert "NoNewPrivs:\t1" in status and "CapEff:\t0000000000000000" in status, "privileges"
    checks.append("no-privileges")
    assert os.readlink("/proc/self/fd/0") == "/dev/null", "stdin is not /dev/null"
    checks.append("stdin-null")
    # Programs the script starts inherit nothing but stdin/stdout/stderr (ls itself opens fd 3).
    fds = subprocess.run(["ls", "/proc/self/fd"], capture_output=True, text=True).stdout.split()
    assert set(fds) <= {"0", "1", "2", "3"}, f"inherited fds: {fds}"
    checks.append("no-leaked-fds")
    return " ".join(checks)
