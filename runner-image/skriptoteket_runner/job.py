"""Reading the job: one tar from stdin, unpacked by hand so that nothing but plain files lands in /work,
and job.json checked before anything runs."""

import json
import os
import tarfile


WORK = "/work"
INPUT_DIR = WORK + "/input"
OUTPUT_DIR = WORK + "/output"
SCRIPT_PATH = WORK + "/script.py"
MANIFEST_NAME = "manifest.json"
FIELDS_PATH = WORK + "/fields.json"
SESSION_DIR = WORK + "/session"          # v3: files of the session's earlier steps, read-only
SESSION_PATH = WORK + "/session.json"    # v3: settings, current step, state and the session files' list
JOB_JSON_MAX = 1 << 20  # v2 field values (long texts) and v3 state and settings travel in job.json

PROTOCOL_VERSIONS = (1, 2, 3)
STEP_NAME_MAX = 40
# The timeout has no default here: the host always sends its own (Execution:*TimeoutSeconds), so a job without
# one is malformed rather than run under a second copy of that limit.
MAX_TIMEOUT_SECONDS = 3600
# The one catalogue of caps (runner-image/caps.json): the defaults for caps a job leaves out, and the host's
# ExecutionOptions defaults, which it always sends.
with open(os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "caps.json"), encoding="utf-8") as _f:
    DEFAULT_CAPS = json.load(_f)


class ProtocolError(Exception):
    """The host sent something the protocol does not allow: no result is produced (exit 2)."""


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
        raise ProtocolError("%s files must sit directly in %s/: %r" % (parts[0], parts[0], original))
    name = parts[1]
    if name.startswith(".") or len(name.encode("utf-8")) > 255:
        raise ProtocolError("forbidden %s name %r" % (parts[0], original))
    if parts[0] == "input" and name == MANIFEST_NAME:
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
    """Reads the job tar and returns (job dict, list of input names in tar order). The names of session files
    (v3) are in job["session_files"], in tar order."""
    os.makedirs(INPUT_DIR, exist_ok=True)
    job_bytes = None
    inputs = []
    session_files = []
    have_script = False
    try:
        with tarfile.open(fileobj=stream, mode="r|", encoding="utf-8", errors="strict") as tar:
            for member in tar:
                parts = _member_path(member.name)
                if member.isdir():
                    if parts not in ([], ["input"], ["session"]):
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
                elif parts and parts[0] == "session":
                    _check_input_name(parts, member.name)
                    os.makedirs(SESSION_DIR, exist_ok=True)  # only when there are files: v1/v2 see no new folder
                    _write_new_file(os.path.join(SESSION_DIR, parts[1]), src, 0o444)
                    session_files.append(parts[1])
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
    job = parse_job(job_bytes)
    if session_files and job["version"] < 3:
        raise ProtocolError("session/ files need protocol version 3")
    job["session_files"] = session_files
    return job, inputs


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
    if "timeout_seconds" not in job:
        raise ProtocolError("timeout_seconds is required")
    timeout = job["timeout_seconds"]
    if isinstance(timeout, bool) or not isinstance(timeout, int) or not 0 < timeout <= MAX_TIMEOUT_SECONDS:
        raise ProtocolError("timeout_seconds must be an integer in [1, %d]" % MAX_TIMEOUT_SECONDS)
    parsed = {"version": version, "entrypoint": entrypoint, "timeout_seconds": timeout,
              "caps": _parse_caps(job.get("caps")), "fields": fields}
    if version >= 3:
        parsed.update(_parse_session(job))
    return parsed


def _parse_session(job):
    """v3: the person's settings, the step being taken (None on a session's first run) and the kept state."""
    settings = job.get("settings", {})
    state = job.get("state", {})
    if not isinstance(settings, dict):
        raise ProtocolError("settings must be an object")
    if not isinstance(state, dict):
        raise ProtocolError("state must be an object")
    step = job.get("current_step")
    if step is not None and not (isinstance(step, str) and step.isascii() and step.isidentifier()
                                 and len(step) <= STEP_NAME_MAX):
        raise ProtocolError("current_step must be null or a step name")
    return {"settings": settings, "state": state, "current_step": step}


def _parse_caps(given):
    caps = dict(DEFAULT_CAPS)
    given = given or {}
    if not isinstance(given, dict):
        raise ProtocolError("caps must be an object")
    for key, value in given.items():
        if key not in caps:
            continue  # unknown caps are ignored: a newer host may know more than this image
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ProtocolError("caps.%s must be an integer >= 0" % key)
        caps[key] = value
    return caps


def prepare_work(job, inputs):
    """Lays out /work for the script: the output folder, the input manifest and (v2) the field values.
    Returns the path run_tool gets: the first input file, or the input folder when there is none."""
    os.makedirs(OUTPUT_DIR, exist_ok=True)
    _write_manifest(inputs)
    _write_fields(job)
    _write_session(job)
    return os.path.join(INPUT_DIR, inputs[0]) if inputs else INPUT_DIR


def _write_session(job):
    """v3: /work/session.json for the helper module and the session files' folder, both read-only. The files are
    copies: nothing a script does to them reaches the session (what it keeps it writes to /work/output)."""
    if job["version"] < 3:
        return
    os.makedirs(SESSION_DIR, exist_ok=True)
    files = []
    for name in job["session_files"]:
        path = os.path.join(SESSION_DIR, name)
        files.append({"name": name, "path": path, "bytes": os.lstat(path).st_size})
    os.chmod(SESSION_DIR, 0o555)
    session = {"settings": job["settings"], "current_step": job["current_step"], "state": job["state"],
               "files": files}
    with open(SESSION_PATH, "w", encoding="utf-8") as f:
        json.dump(session, f, ensure_ascii=False)
    os.chmod(SESSION_PATH, 0o444)


def _write_fields(job):
    """v2: the field values for the helper module (`skriptoteket.fields`), read-only for the script."""
    if job["version"] < 2:
        return
    with open(FIELDS_PATH, "w", encoding="utf-8") as f:
        json.dump(job["fields"], f, ensure_ascii=False)
    os.chmod(FIELDS_PATH, 0o444)


def _write_manifest(inputs):
    manifest = []
    for name in inputs:
        path = os.path.join(INPUT_DIR, name)
        manifest.append({"name": name, "path": path, "bytes": os.lstat(path).st_size})
    with open(os.path.join(INPUT_DIR, MANIFEST_NAME), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)
