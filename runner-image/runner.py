"""Skriptoteket runner wrapper: the fixed entrypoint of the runner image.

Protocol (see PROTOCOL.md): the host streams ONE tar on stdin (job.json, script.py, input/*) and
closes stdin; the wrapper unpacks it into /work, runs the script's entrypoint in a child process,
and writes ONE tar (result.json, stdout.txt, stderr.txt, artifacts/*) to its real stdout.

Exit code 0 means a result tar was written, whatever the script did. 2 = the input was refused
(bad tar or job.json), 3 = the wrapper itself broke. Diagnostics of the wrapper go to stderr.

The same file is the child: `python3 -I runner.py --child ...` imports and calls the user script,
so the user's code never shares a process (or fd 1) with the wrapper. Python 3.11, stdlib only.
"""

import hashlib
import importlib.util
import io
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import tarfile
import threading
import time
import traceback
import unicodedata

# The helper module `skriptoteket` (and its block rules, shared with this wrapper) sits in lib/ next to
# this file; -I keeps it off sys.path, so it is added here, for the wrapper and for the script's child.
LIB_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib")
sys.path.insert(0, LIB_DIR)
from skriptoteket import _blocks  # noqa: E402 - needs LIB_DIR on sys.path

WORK = "/work"
INPUT_DIR = WORK + "/input"
OUTPUT_DIR = WORK + "/output"
SCRIPT_PATH = WORK + "/script.py"
MANIFEST_NAME = "manifest.json"
FIELDS_PATH = WORK + "/fields.json"
JOB_JSON_MAX = 1 << 20  # v2 field values (long texts) travel in job.json

PROTOCOL_VERSIONS = (1, 2)
DEFAULT_TIMEOUT_SECONDS = 55
MAX_TIMEOUT_SECONDS = 3600
DEFAULT_CAPS = {
    "stdout_bytes": 204800,
    "stderr_bytes": 204800,
    "html_bytes": 512000,
    "artifact_count": 50,
    "artifact_total_bytes": 52428800,
    "artifact_bytes": 20971520,
}
DEFAULT_CAPS.update({k: v for k, v in _blocks.DEFAULT_CAPS.items() if k not in DEFAULT_CAPS})
IMAGE_EXTENSIONS = (".png", ".jpg", ".jpeg", ".gif", ".webp")
MPL_CACHE_SEED = "/opt/skriptoteket/mpl-cache"  # font cache built into the image by build.sh
SUMMARY_CHARS = 500
SKIPPED_LIST_MAX = 100  # a script creating 100k files must not blow up result.json
NAME_MAX = 100
SAFE_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-")

# The only environment the user's script ever sees: nothing from the container is passed through.
CHILD_ENV = {
    "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    "HOME": "/tmp",
    "LANG": "C.UTF-8",
    "MPLBACKEND": "Agg",
    "MPLCONFIGDIR": "/tmp/mpl",
    "PYTHONDONTWRITEBYTECODE": "1",
}

MSG_TIMEOUT = "Tidsgränsen överskreds ({0} s)."
MSG_OOM = "Skriptet avbröts (troligen för mycket minne)."
MSG_SIGNAL = "Skriptet avbröts (signal {0})."
MSG_EXIT = "Skriptet avslutades oväntat (slutkod {0})."
MSG_NO_RESULT = "Skriptet avslutades utan att lämna något resultat."
MSG_MISSING_ENTRY = "Skriptet saknar funktionen {0}."
MSG_NOT_CALLABLE = "{0} i skriptet är inte en funktion."
MSG_BAD_RETURN = "{0} ska returnera text (str) med HTML, men returnerade {1}."
MSG_SYS_EXIT = "Skriptet avslutades med sys.exit({0})."
MSG_MEMORY = "Skriptet fick slut på minne (MemoryError)."
MSG_IMAGE_MISSING = "Bilden {0} kunde inte visas (filen saknas, är ingen bild eller fick inte plats)."

# Protocol v2 sorts failures for the host: what the teacher may read and what only the author may.
KIND_USER = "user"        # ToolUserError or sys.exit("text"): the author's words for the teacher
KIND_LIMIT = "limit"      # timeout, memory: the platform's own message, useful to the teacher
KIND_SCRIPT = "script"    # any other failure: the host shows a generic message with a run reference
MSG_SCRIPT_FAILED = "Verktyget stötte på ett oväntat fel."  # v2 summary of KIND_SCRIPT; details in error_detail


class ProtocolError(Exception):
    """The host sent something the protocol does not allow: no result is produced (exit 2)."""


def log(message):
    print("runner: " + message, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# Input: one tar from stdin, unpacked by hand so that nothing but plain files lands in /work.
# ---------------------------------------------------------------------------------------------

def _member_path(name):
    """Normalizes a tar member name and returns its path parts, refusing anything that could escape."""
    if "\x00" in name or "\\" in name:
        raise ProtocolError("forbidden character in name %r" % name)
    if name.startswith("/"):
        raise ProtocolError("absolute path %r" % name)
    parts = [p for p in name.split("/") if p not in ("", ".")]
    if any(p == ".." for p in parts):
        raise ProtocolError("'..' in path %r" % name)
    return parts


def _check_input_name(parts, original):
    if len(parts) != 2:
        raise ProtocolError("input files must sit directly in input/: %r" % original)
    name = parts[1]
    if name.startswith(".") or len(name.encode("utf-8")) > 255:
        raise ProtocolError("forbidden input name %r" % original)
    if name == MANIFEST_NAME:
        raise ProtocolError("input/%s is reserved for the wrapper" % MANIFEST_NAME)


def _write_new_file(path, source, mode=0o644):
    # O_EXCL + O_NOFOLLOW: a duplicate member or a pre-existing link is refused, never followed.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, mode)
    with os.fdopen(fd, "wb") as out:
        while True:
            chunk = source.read(1 << 16)
            if not chunk:
                break
            out.write(chunk)


def unpack_job(stream):
    """Reads the job tar and returns (job dict, list of input names in tar order)."""
    os.makedirs(INPUT_DIR, exist_ok=True)
    job_bytes = None
    inputs = []
    have_script = False
    try:
        with tarfile.open(fileobj=stream, mode="r|", encoding="utf-8", errors="strict") as tar:
            for member in tar:
                parts = _member_path(member.name)
                if member.isdir():
                    if parts not in ([], ["input"]):
                        raise ProtocolError("unexpected folder %r" % member.name)
                    continue
                if not member.isreg():
                    raise ProtocolError("only regular files and folders are allowed: %r" % member.name)
                src = tar.extractfile(member)
                if parts == ["job.json"]:
                    if job_bytes is not None:
                        raise ProtocolError("job.json given twice")
                    if member.size > JOB_JSON_MAX:
                        raise ProtocolError("job.json is too large")
                    job_bytes = src.read()
                elif parts == ["script.py"]:
                    _write_new_file(SCRIPT_PATH, src)
                    have_script = True
                elif parts and parts[0] == "input":
                    _check_input_name(parts, member.name)
                    _write_new_file(os.path.join(INPUT_DIR, parts[1]), src)
                    inputs.append(parts[1])
                else:
                    raise ProtocolError("unexpected file %r" % member.name)
    except FileExistsError as e:
        raise ProtocolError("file given twice: %s" % e.filename) from None
    except tarfile.TarError as e:
        raise ProtocolError("invalid tar: %s" % e) from None
    if job_bytes is None:
        raise ProtocolError("job.json missing")
    if not have_script:
        raise ProtocolError("script.py missing")
    return parse_job(job_bytes), inputs


def parse_job(raw):
    try:
        job = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        raise ProtocolError("job.json is not valid JSON: %s" % e) from None
    if not isinstance(job, dict):
        raise ProtocolError("job.json must be an object")
    version = job.get("version")
    if isinstance(version, bool) or version not in PROTOCOL_VERSIONS:
        raise ProtocolError("job.json version must be one of %s" % (PROTOCOL_VERSIONS,))
    fields = job.get("fields", {}) if version >= 2 else {}
    if not isinstance(fields, dict):
        raise ProtocolError("fields must be an object")
    entrypoint = job.get("entrypoint", "run_tool")
    if not isinstance(entrypoint, str) or not entrypoint.isidentifier():
        raise ProtocolError("entrypoint must be a Python identifier")
    timeout = job.get("timeout_seconds", DEFAULT_TIMEOUT_SECONDS)
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) \
            or not 0 < timeout <= MAX_TIMEOUT_SECONDS:
        raise ProtocolError("timeout_seconds must be a number in (0, %d]" % MAX_TIMEOUT_SECONDS)
    caps = dict(DEFAULT_CAPS)
    given = job.get("caps") or {}
    if not isinstance(given, dict):
        raise ProtocolError("caps must be an object")
    for key, value in given.items():
        if key not in caps:
            continue  # unknown caps are ignored: a newer host may know more than this image
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ProtocolError("caps.%s must be an integer >= 0" % key)
        caps[key] = value
    return {"version": version, "entrypoint": entrypoint, "timeout_seconds": timeout, "caps": caps,
            "fields": fields}


def write_fields(job):
    """v2: the field values for the helper module (`skriptoteket.fields`), read-only for the script."""
    if job["version"] < 2:
        return
    with open(FIELDS_PATH, "w", encoding="utf-8") as f:
        json.dump(job["fields"], f, ensure_ascii=False)
    os.chmod(FIELDS_PATH, 0o444)


def write_manifest(inputs):
    manifest = []
    for name in inputs:
        path = os.path.join(INPUT_DIR, name)
        manifest.append({"name": name, "path": path, "bytes": os.lstat(path).st_size})
    with open(os.path.join(INPUT_DIR, MANIFEST_NAME), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)


# ---------------------------------------------------------------------------------------------
# Running the child: own session, pipes (not files) so a print flood cannot fill /tmp.
# ---------------------------------------------------------------------------------------------

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
        reap_zombies()
        if not alive:
            return
        time.sleep(0.02)


def reap_zombies():
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


def run_child(job, input_path):
    caps = job["caps"]
    result_r, result_w = os.pipe()
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    # The child's result message carries the (already capped) HTML and blocks as JSON; allow for escaping.
    readers = {
        "stdout": HeadReader(out_r, caps["stdout_bytes"] + 4),
        "stderr": HeadReader(err_r, caps["stderr_bytes"] + 4),
        "result": HeadReader(result_r, (caps["html_bytes"] + caps["blocks_bytes"]) * 6 + 65536),
    }
    args = [sys.executable, "-I", os.path.abspath(__file__), "--child",
            job["entrypoint"], input_path, str(caps["html_bytes"]), str(result_w),
            str(job["version"]), json.dumps(caps)]
    started = time.monotonic()
    proc = subprocess.Popen(
        args, cwd=WORK, env=CHILD_ENV, stdin=subprocess.DEVNULL, stdout=out_w, stderr=err_w,
        pass_fds=(result_w,), start_new_session=True)
    for fd in (result_w, out_w, err_w):
        os.close(fd)
    for reader in readers.values():
        reader.start()
    timed_out = False
    try:
        proc.wait(timeout=job["timeout_seconds"])
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
    return proc.returncode, timed_out, duration_ms, readers


def _failure(summary, kind, detail=None):
    return {"status": "failed", "html": "", "html_truncated": False, "blocks": [],
            "blocks_truncated": False, "error_summary": summary, "error_kind": kind, "error_detail": detail}


def decide_outcome(job, returncode, timed_out, result_reader):
    """The run's outcome as a dict: status, html (+ truncated), blocks (+ truncated), error summary, kind
    and detail (v2; the host drops kind and detail for v1 jobs)."""
    if timed_out:
        return dict(_failure(MSG_TIMEOUT.format(_format_seconds(job["timeout_seconds"])), KIND_LIMIT),
                    status="timed_out")
    if returncode < 0:
        sig = -returncode
        if sig == signal.SIGKILL:
            # We did not kill it, so the kernel did: inside a memory-limited container that is the
            # OOM killer. The host double-checks Docker's State.OOMKilled.
            return _failure(MSG_OOM, KIND_LIMIT)
        message = MSG_SIGNAL.format(_signal_name(sig))
        return _failure(message, KIND_SCRIPT, message)
    message = None
    if result_reader.total and result_reader.total <= len(result_reader.head):
        try:
            message = json.loads(bytes(result_reader.head).decode("utf-8"))
        except ValueError:
            message = None
    if not isinstance(message, dict):
        text = MSG_EXIT.format(returncode) if returncode else MSG_NO_RESULT
        return _failure(text, KIND_SCRIPT, text)
    if message.get("ok") is True and returncode == 0:
        html = message.get("html") if isinstance(message.get("html"), str) else ""
        blocks, cut = [], False
        if job["version"] >= 2 and isinstance(message.get("blocks"), list):
            try:
                # The child ran the author's code: its blocks are checked again here.
                blocks, cut = _blocks.normalize(message["blocks"], job["caps"])
            except _blocks.BlockError as e:
                return _failure(str(e), KIND_SCRIPT, str(e))
        return {"status": "succeeded", "html": html, "html_truncated": bool(message.get("html_truncated")),
                "blocks": blocks, "blocks_truncated": cut or message.get("blocks_truncated") is True,
                "error_summary": None, "error_kind": None, "error_detail": None}
    summary = message.get("error")
    if not isinstance(summary, str) or not summary:
        summary = MSG_EXIT.format(returncode) if returncode else MSG_NO_RESULT
    kind = message.get("error_kind") if message.get("error_kind") in (KIND_USER, KIND_LIMIT) else KIND_SCRIPT
    if kind == KIND_USER:
        return _failure(_user_text(summary), kind)
    return _failure(_clip(summary), kind, _clip(summary))


def attach_images(blocks, artifacts):
    """Points each image block at its artifact (by the file's path below /work/output); a block whose
    file is not an accepted image artifact becomes a warning notice."""
    by_path = {a["rel"]: a["name"] for a in artifacts}
    result = []
    for block in blocks:
        if block["kind"] == "image":
            name = by_path.get(os.path.normpath(block.get("path", "")))
            if name is None or not name.lower().endswith(IMAGE_EXTENSIONS):
                result.append({"kind": "notice", "level": "warning", "truncated": False,
                               "text": MSG_IMAGE_MISSING.format(block.get("path", "?"))})
                continue
            block = {"kind": "image", "artifact": name, "alt": block.get("alt", "")}
        result.append(block)
    return result


def _format_seconds(value):
    return str(int(value)) if float(value).is_integer() else str(value)


def _signal_name(sig):
    try:
        return signal.Signals(sig).name
    except ValueError:
        return str(sig)


# ---------------------------------------------------------------------------------------------
# Text capping: valid UTF-8 without NUL (PostgreSQL text refuses NUL), cut on a character boundary.
# ---------------------------------------------------------------------------------------------

def cap_text(data, cap, already_truncated=False):
    if isinstance(data, (bytes, bytearray)):
        text = bytes(data).decode("utf-8", "replace")
    else:
        text = data
    encoded = text.replace("\x00", "\ufffd").encode("utf-8")
    truncated = already_truncated
    if len(encoded) > cap:
        # The cut may split a multi-byte character; "ignore" then drops only that partial tail.
        encoded = encoded[:cap].decode("utf-8", "ignore").encode("utf-8")
        truncated = True
    return encoded, truncated


# ---------------------------------------------------------------------------------------------
# Artifacts: only regular files really inside /work/output, with safe flat names, within caps.
# ---------------------------------------------------------------------------------------------

def safe_name(relative_path):
    """'Diagram/Närvaro åk 7.png' -> 'Diagram_Narvaro_ak_7.png': subfolders flattened with '_',
    accents dropped (å->a, ö->o), anything outside [A-Za-z0-9._-] -> '_', no leading dot, <= 100."""
    decomposed = unicodedata.normalize("NFKD", relative_path)
    chars = []
    for ch in decomposed:
        if unicodedata.combining(ch):
            continue
        chars.append(ch if ch in SAFE_CHARS else "_")
    name = "".join(chars)
    if name.startswith("."):
        name = "_" + name[1:]
    if not name.strip("._-"):
        name = "fil" + name
    return _fit(name, NAME_MAX)


def _fit(name, limit, suffix=""):
    stem, ext = _split_ext(name)
    room = limit - len(ext) - len(suffix)
    return stem[:max(room, 1)] + suffix + ext


def _split_ext(name):
    dot = name.rfind(".")
    if dot > 0 and len(name) - dot <= 16:
        return name[:dot], name[dot:]
    return name, ""


def _unique(name, taken):
    candidate, n = name, 1
    while candidate.lower() in taken:  # case-insensitive: downloads may land on such file systems
        n += 1
        candidate = _fit(name, NAME_MAX, "-%d" % n)
    taken.add(candidate.lower())
    return candidate


def _walk_output():
    """Yields (relative path, absolute path, lstat) for every entry below /work/output, sorted,
    never following symlinks."""
    try:
        root_stat = os.lstat(OUTPUT_DIR)
    except OSError:
        return
    if not stat.S_ISDIR(root_stat.st_mode):
        return  # the script replaced the folder with a link or a file: nothing is collected
    stack = [""]
    while stack:
        rel_dir = stack.pop()
        abs_dir = os.path.join(OUTPUT_DIR, rel_dir) if rel_dir else OUTPUT_DIR
        try:
            names = sorted(os.listdir(abs_dir))
        except OSError:
            continue
        subdirs = []
        for name in names:
            rel = os.path.join(rel_dir, name) if rel_dir else name
            path = os.path.join(abs_dir, name)
            try:
                st = os.lstat(path)
            except OSError:
                continue
            if stat.S_ISDIR(st.st_mode):
                subdirs.append(rel)
            else:
                yield rel, path, st
        stack.extend(reversed(subdirs))


def collect_artifacts(caps):
    """Returns (accepted list of dicts with an open fd, skipped list, omitted count)."""
    accepted, skipped, omitted = [], [], 0
    taken = set()
    total = 0
    real_root = os.path.realpath(OUTPUT_DIR)

    def skip(name, reason):
        nonlocal omitted
        if len(skipped) < SKIPPED_LIST_MAX:
            skipped.append({"name": name, "reason": reason})
        else:
            omitted += 1

    for rel, path, st in _walk_output():
        name = safe_name(rel)
        if stat.S_ISLNK(st.st_mode):
            skip(name, "symlink")
            continue
        if not stat.S_ISREG(st.st_mode):
            skip(name, "not_regular_file")
            continue
        if not os.path.realpath(path).startswith(real_root + os.sep):
            skip(name, "outside_output")
            continue
        if len(accepted) >= caps["artifact_count"]:
            skip(name, "too_many")
            continue
        if st.st_size > caps["artifact_bytes"]:
            skip(name, "too_large")
            continue
        if total + st.st_size > caps["artifact_total_bytes"]:
            skip(name, "total_too_large")
            continue
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
        except OSError:
            skip(name, "unreadable")
            continue
        fst = os.fstat(fd)
        if (fst.st_ino, fst.st_dev) != (st.st_ino, st.st_dev) or not stat.S_ISREG(fst.st_mode):
            os.close(fd)
            skip(name, "changed")
            continue
        digest = hashlib.sha256()
        size = 0
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            digest.update(chunk)
            size += len(chunk)
        if size > caps["artifact_bytes"] or total + size > caps["artifact_total_bytes"]:
            os.close(fd)
            skip(name, "too_large")
            continue
        total += size
        name = _unique(name, taken)
        accepted.append({"name": name, "bytes": size, "sha256": digest.hexdigest(), "fd": fd, "rel": rel})
    return accepted, skipped, omitted


# ---------------------------------------------------------------------------------------------
# Output: one tar on the real stdout.
# ---------------------------------------------------------------------------------------------

def _tar_info(name, size, now):
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = size, now, 0o644
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info


def write_result_tar(out, result, stdout_bytes, stderr_bytes, artifacts):
    now = int(time.time())
    with tarfile.open(fileobj=out, mode="w|", format=tarfile.PAX_FORMAT, encoding="utf-8") as tar:
        for name, data in (("result.json", json.dumps(result, ensure_ascii=False).encode("utf-8")),
                           ("stdout.txt", stdout_bytes), ("stderr.txt", stderr_bytes)):
            tar.addfile(_tar_info(name, len(data), now), io.BytesIO(data))
        for art in artifacts:
            os.lseek(art["fd"], 0, os.SEEK_SET)
            with os.fdopen(art["fd"], "rb") as f:
                tar.addfile(_tar_info("artifacts/" + art["name"], art["bytes"], now), f)


def parent_main():
    # Keep the real stdout for the result tar only; anything else printed by accident goes to stderr.
    result_fd = os.dup(1)
    os.dup2(2, 1)
    out = os.fdopen(result_fd, "wb")
    try:
        # Unbuffered: each read returns what has arrived, so the tar's end marker is enough and
        # the wrapper does not wait for stdin to close (tars need not be padded to 10 KiB records).
        job, inputs = unpack_job(sys.stdin.buffer.raw)
        os.makedirs(OUTPUT_DIR, exist_ok=True)
        write_manifest(inputs)
        write_fields(job)
    except ProtocolError as e:
        log("input refused: %s" % e)
        return 2
    input_path = os.path.join(INPUT_DIR, inputs[0]) if inputs else INPUT_DIR
    seed_matplotlib_cache()
    returncode, timed_out, duration_ms, readers = run_child(job, input_path)
    outcome = decide_outcome(job, returncode, timed_out, readers["result"])
    status = outcome["status"]
    caps = job["caps"]
    html_bytes, html_truncated = cap_text(outcome["html"], caps["html_bytes"], outcome["html_truncated"])
    stdout_bytes, stdout_truncated = cap_text(
        readers["stdout"].head, caps["stdout_bytes"],
        readers["stdout"].total > len(readers["stdout"].head))
    stderr_bytes, stderr_truncated = cap_text(
        readers["stderr"].head, caps["stderr_bytes"],
        readers["stderr"].total > len(readers["stderr"].head))
    artifacts, skipped, omitted = collect_artifacts(caps)
    result = {
        "version": job["version"],
        "status": status,
        "html": html_bytes.decode("utf-8"),
        "html_truncated": html_truncated,
        "error_summary": outcome["error_summary"],
        "stdout_truncated": stdout_truncated,
        "stderr_truncated": stderr_truncated,
        "artifacts": [{k: a[k] for k in ("name", "bytes", "sha256")} for a in artifacts],
        "artifacts_skipped": skipped,
        "artifacts_skipped_omitted": omitted,
        "duration_ms": duration_ms,
    }
    if job["version"] >= 2:
        if outcome["error_kind"] == KIND_SCRIPT:
            result["error_summary"] = MSG_SCRIPT_FAILED  # exception text only in error_detail
        result.update({
            "blocks": attach_images(outcome["blocks"], artifacts),
            "blocks_truncated": outcome["blocks_truncated"],
            "error_kind": outcome["error_kind"],
            "error_detail": outcome["error_detail"],
        })
    write_result_tar(out, result, stdout_bytes, stderr_bytes, artifacts)
    out.flush()
    log("%s in %d ms, %d artifacts" % (status, duration_ms, len(artifacts)))
    return 0


# ---------------------------------------------------------------------------------------------
# Child side: import the user's script and call its entrypoint.
# ---------------------------------------------------------------------------------------------

def _summary(exc):
    if isinstance(exc, MemoryError):
        return MSG_MEMORY
    try:
        message = str(exc)
    except Exception:
        message = ""
    text = type(exc).__name__ + (": " + message if message else "")
    text = " ".join(text.split())  # one line for the teacher; the traceback is on stderr
    return text if len(text) <= SUMMARY_CHARS else text[:SUMMARY_CHARS - 1] + "…"


def _print_user_traceback(exc):
    """Traceback to stderr for the author, without the wrapper's and importlib's own frames."""
    te = traceback.TracebackException.from_exception(exc)
    me = os.path.abspath(__file__)
    te.stack = traceback.StackSummary.from_list(
        [f for f in te.stack if f.filename != me and not f.filename.startswith("<frozen ")])
    sys.stderr.write("".join(te.format()))


def _call_script(entrypoint, input_path, html_cap, version=1, caps=None):
    import skriptoteket  # before the script: its ToolUserError is the one the script raises
    skriptoteket._read_fields()  # the job's values, also when the module was imported before the job came
    try:
        spec = importlib.util.spec_from_file_location("script", SCRIPT_PATH)
        module = importlib.util.module_from_spec(spec)
        sys.modules["script"] = module
        spec.loader.exec_module(module)
        func = getattr(module, entrypoint, None)
        if func is None:
            return {"ok": False, "error": MSG_MISSING_ENTRY.format(entrypoint)}
        if not callable(func):
            return {"ok": False, "error": MSG_NOT_CALLABLE.format(entrypoint)}
        value = func(input_path, OUTPUT_DIR)
    except SystemExit as e:
        if e.code is None or e.code == 0:
            return {"ok": True, "html": "", "html_truncated": False}
        if isinstance(e.code, str):
            return {"ok": False, "error": _clip(e.code), "error_kind": KIND_USER}
        return {"ok": False, "error": MSG_SYS_EXIT.format(e.code)}
    except skriptoteket.ToolUserError as e:
        if version < 2:
            _print_user_traceback(e)
            return {"ok": False, "error": _summary(e)}
        return {"ok": False, "error": _user_text(e.message) or MSG_NO_RESULT, "error_kind": KIND_USER}
    except MemoryError as e:
        _print_user_traceback(e)
        return {"ok": False, "error": MSG_MEMORY, "error_kind": KIND_LIMIT}
    except BaseException as e:  # noqa: BLE001 - anything the script raises is the script's failure
        _print_user_traceback(e)
        return {"ok": False, "error": _summary(e)}
    if value is None:
        value = ""
    if version >= 2 and isinstance(value, (list, tuple, dict)):
        try:
            blocks, cut = _blocks.normalize(list(value) if not isinstance(value, dict) else value, caps or {})
        except _blocks.BlockError as e:
            return {"ok": False, "error": _clip(str(e))}
        return {"ok": True, "html": "", "html_truncated": False, "blocks": blocks, "blocks_truncated": cut}
    if not isinstance(value, str):
        message = _blocks.MSG_BAD_RETURN_V2 if version >= 2 else MSG_BAD_RETURN
        return {"ok": False, "error": message.format(entrypoint, type(value).__name__)}
    html, truncated = cap_text(value, html_cap)
    return {"ok": True, "html": html.decode("utf-8"), "html_truncated": truncated}


def _user_text(text):
    """The author's message for the teacher, as written (line breaks kept), at most SUMMARY_CHARS."""
    text = str(text).replace("\x00", "\ufffd").strip()
    return text if len(text) <= SUMMARY_CHARS else text[:SUMMARY_CHARS - 1] + "…"


def _clip(text):
    text = " ".join(str(text).split())
    return text if len(text) <= SUMMARY_CHARS else text[:SUMMARY_CHARS - 1] + "…"


def _harden_child():
    # If the container runs out of memory, the kernel should kill the script, not the wrapper.
    try:
        with open("/proc/self/oom_score_adj", "w") as f:
            f.write("1000")
    except OSError:
        pass
    try:
        import resource
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # no core dumps filling /work
    except (ImportError, ValueError, OSError):
        pass


def child_main(entrypoint, input_path, html_cap, result_fd, version=1, caps=None):
    os.set_inheritable(result_fd, False)  # programs the script starts must not get the result pipe
    _harden_child()
    sys.dont_write_bytecode = True  # -I ignores PYTHONDONTWRITEBYTECODE; /work is not for .pyc
    sys.argv = [SCRIPT_PATH]
    for stream in (sys.stdout, sys.stderr):
        stream.reconfigure(line_buffering=True)  # output printed before a timeout is kept
    outcome = _call_script(entrypoint, input_path, html_cap, version, caps)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
    data = json.dumps(outcome, ensure_ascii=False).encode("utf-8")
    with os.fdopen(result_fd, "wb") as f:
        f.write(data)
    return 0


def main(argv):
    if len(argv) == 8 and argv[1] == "--child":
        return child_main(argv[2], argv[3], int(argv[4]), int(argv[5]), int(argv[6]), json.loads(argv[7]))
    if len(argv) != 1:
        log("usage: runner.py < job.tar")
        return 2
    try:
        return parent_main()
    except Exception:
        traceback.print_exc()
        return 3


if __name__ == "__main__":
    sys.exit(main(sys.argv))
