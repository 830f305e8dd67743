"""Deciding a run's outcome from what the script's process left: its exit, the timeout, and the one
result message the child wrote (re-checked here: the child ran the author's code)."""

import json
import os
import signal

from skriptoteket import _blocks, _session

from .texts import (KIND_LIMIT, KIND_SCRIPT, KIND_USER, MSG_EXIT, MSG_IMAGE_MISSING, MSG_NO_RESULT, MSG_OOM,
                    MSG_SIGNAL, MSG_TIMEOUT, clip, user_text)

IMAGE_EXTENSIONS = (".png", ".jpg", ".jpeg", ".gif", ".webp")


def _failure(summary, kind, detail=None, state_error=None):
    return {"status": "failed", "html": "", "html_truncated": False, "blocks": [],
            "blocks_truncated": False, "error_summary": summary, "error_kind": kind, "error_detail": detail,
            "state": None, "state_error": state_error, "kept": [], "steps_total": None, "warnings": []}


def decide_outcome(job, returncode, timed_out, result_reader):
    """The run's outcome as a dict: status, html (+ truncated), blocks (+ truncated), error summary, kind
    and detail (v2; the host drops kind and detail for v1 jobs)."""
    if timed_out:
        return dict(_failure(MSG_TIMEOUT.format(job["timeout_seconds"]), KIND_LIMIT),
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
        return _success(job, message)
    summary = message.get("error")
    if not isinstance(summary, str) or not summary:
        summary = MSG_EXIT.format(returncode) if returncode else MSG_NO_RESULT
    kind = message.get("error_kind") if message.get("error_kind") in (KIND_USER, KIND_LIMIT) else KIND_SCRIPT
    if kind == KIND_USER:
        state_error = message.get("state_error")
        return _failure(user_text(summary), kind, state_error=user_text(state_error) if isinstance(state_error, str) else None)
    return _failure(clip(summary), kind, clip(summary))


def _success(job, message):
    html = message.get("html") if isinstance(message.get("html"), str) else ""
    blocks, cut = [], False
    if job["version"] >= 2 and isinstance(message.get("blocks"), list):
        try:
            blocks, cut = _blocks.normalize(message["blocks"], job["caps"], job["version"])
        except _blocks.BlockError as e:
            return _failure(str(e), KIND_SCRIPT, str(e))
    succeeded = {"status": "succeeded", "html": html, "html_truncated": bool(message.get("html_truncated")),
                 "blocks": blocks, "blocks_truncated": cut or message.get("blocks_truncated") is True,
                 "error_summary": None, "error_kind": None, "error_detail": None,
                 "state": None, "state_error": None, "kept": [], "steps_total": None, "warnings": []}
    if job["version"] >= 3:
        return _with_session(job, message, succeeded)
    return succeeded


def _with_session(job, message, succeeded):
    """v3: the state, kept files and steps total of the child's message, checked again (the child ran the
    author's code). A state that is no JSON object within state_bytes fails the run as the child would have."""
    try:
        state = json.loads(_session.state_json(message.get("state"), job["caps"]["state_bytes"]))
    except _session.StateError as e:
        return _failure(user_text(str(e)), KIND_USER, state_error=user_text(str(e)))
    kept = message.get("kept") if isinstance(message.get("kept"), list) else []
    total, warning = _session.steps_total(message.get("steps_total"))
    warnings = message.get("warnings") if isinstance(message.get("warnings"), list) else []
    warnings = [w for w in warnings if isinstance(w, str)][:5] + ([warning] if warning else [])
    return dict(succeeded, state=state, steps_total=total, warnings=warnings,
                kept=[os.path.normpath(k) for k in kept[:1000] if isinstance(k, str) and k])


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


def attach_kept(kept, artifacts):
    """(artifact names of the files marked with keep, a warning notice for each that was not collected)."""
    by_path = {a["rel"]: a["name"] for a in artifacts}
    names, notices = [], []
    for rel in kept:
        name = by_path.get(rel)
        if name is None:
            notices.append(notice(_session.MSG_KEPT_MISSING.format(rel[:200])))
        elif name not in names:
            names.append(name)
    return names, notices


def notice(text, level="warning"):
    return {"kind": "notice", "level": level, "text": clip(text), "truncated": False}


def _signal_name(sig):
    try:
        return signal.Signals(sig).name
    except ValueError:
        return str(sig)
