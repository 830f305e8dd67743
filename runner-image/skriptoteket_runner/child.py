"""The child side: the process that imports the author's script and calls its entrypoint. It never shares
a process (or fd 1) with the wrapper; its one message to the wrapper goes through the result pipe."""

import importlib.util
import json
import os
import sys
import traceback

from skriptoteket import _blocks, _session

from .job import OUTPUT_DIR, SCRIPT_PATH
from .texts import (KIND_LIMIT, KIND_USER, MSG_BAD_RETURN, MSG_MEMORY, MSG_MISSING_ENTRY, MSG_NO_RESULT,
                    MSG_NOT_CALLABLE, MSG_SYS_EXIT, cap_text, clip, user_text)

# Frames of these files are the platform's, not the author's: left out of the author's traceback.
_WRAPPER_DIR = os.path.dirname(os.path.abspath(__file__))
_RUNNER_PATH = os.path.join(os.path.dirname(_WRAPPER_DIR), "runner.py")


def _summary(exc):
    if isinstance(exc, MemoryError):
        return MSG_MEMORY
    try:
        message = str(exc)
    except Exception:
        message = ""
    # One line for the teacher; the traceback is on stderr.
    return clip(type(exc).__name__ + (": " + message if message else ""))


def _is_platform_frame(frame):
    return frame.filename == _RUNNER_PATH or frame.filename.startswith(_WRAPPER_DIR + os.sep) \
        or frame.filename.startswith("<frozen ")


def _print_user_traceback(exc):
    """Traceback to stderr for the author, without the wrapper's and importlib's own frames."""
    te = traceback.TracebackException.from_exception(exc)
    te.stack = traceback.StackSummary.from_list([f for f in te.stack if not _is_platform_frame(f)])
    sys.stderr.write("".join(te.format()))


def _call_script(entrypoint, input_path, html_cap, version=1, caps=None):
    import skriptoteket  # before the script: its ToolUserError is the one the script raises
    skriptoteket._read_fields()  # the job's values, also when the module was imported before the job came
    skriptoteket._read_session()
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
            return _with_session({"ok": True, "html": "", "html_truncated": False}, skriptoteket, version, caps)
        if isinstance(e.code, str):
            return {"ok": False, "error": clip(e.code), "error_kind": KIND_USER}
        return {"ok": False, "error": MSG_SYS_EXIT.format(e.code)}
    except skriptoteket.ToolUserError as e:
        if version < 2:
            _print_user_traceback(e)
            return {"ok": False, "error": _summary(e)}
        return {"ok": False, "error": user_text(e.message) or MSG_NO_RESULT, "error_kind": KIND_USER}
    except MemoryError as e:
        _print_user_traceback(e)
        return {"ok": False, "error": MSG_MEMORY, "error_kind": KIND_LIMIT}
    except BaseException as e:  # noqa: BLE001 - anything the script raises is the script's failure
        _print_user_traceback(e)
        return {"ok": False, "error": _summary(e)}
    return _with_session(_returned(value, entrypoint, html_cap, version, caps), skriptoteket, version, caps)


def _with_session(message, module, version, caps):
    """v3: what a successful run keeps for the session's next step: the state (checked: a JSON object within
    state_bytes, else the run fails with the author's kind of error), the files marked with keep, steps_total."""
    if version < 3 or not message.get("ok"):
        return message
    try:
        state = json.loads(_session.state_json(module.state, caps["state_bytes"]))
    except _session.StateError as e:
        return {"ok": False, "error": str(e), "error_kind": KIND_USER, "state_error": str(e)}
    total, warning = _session.steps_total(module.steps_total)
    kept = [_session.clean(str(path))[:1000] for path in module._kept[:1000]]
    return dict(message, state=state, kept=kept, steps_total=total, warnings=[warning] if warning else [])


def _returned(value, entrypoint, html_cap, version, caps):
    """The script's return value as the child's message: HTML (v1, v2) or output blocks (v2)."""
    if value is None:
        value = ""
    if version >= 2 and isinstance(value, (list, tuple, dict)):
        try:
            blocks, cut = _blocks.normalize(list(value) if not isinstance(value, dict) else value, caps, version)
        except _blocks.BlockError as e:
            return {"ok": False, "error": clip(str(e))}
        return {"ok": True, "html": "", "html_truncated": False, "blocks": blocks, "blocks_truncated": cut}
    if not isinstance(value, str):
        message = _blocks.MSG_BAD_RETURN_V2 if version >= 2 else MSG_BAD_RETURN
        return {"ok": False, "error": message.format(entrypoint, type(value).__name__)}
    html, truncated = cap_text(value, html_cap)
    return {"ok": True, "html": html.decode("utf-8"), "html_truncated": truncated}


def harden():
    """If the container runs out of memory, the kernel should kill the script, not the wrapper; no core dumps."""
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


def main(entrypoint, input_path, html_cap, result_fd, version=1, caps=None):
    os.set_inheritable(result_fd, False)  # programs the script starts must not get the result pipe
    harden()
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
