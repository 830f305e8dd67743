"""The run's result: result.json built from the outcome, the capped streams and the artifacts, written
as ONE tar to the wrapper's real stdout."""

import io
import json
import os
import tarfile
import time

from .outcome import attach_images, attach_kept, notice
from .texts import KIND_SCRIPT, MSG_SCRIPT_FAILED, cap_text


def build(job, outcome, readers, duration_ms, artifacts, skipped, omitted):
    """Returns (result dict, stdout bytes, stderr bytes), every text within its cap."""
    caps = job["caps"]
    html_bytes, html_truncated = cap_text(outcome["html"], caps["html_bytes"], outcome["html_truncated"])
    stdout_bytes, stdout_truncated = _capped_stream(readers["stdout"], caps["stdout_bytes"])
    stderr_bytes, stderr_truncated = _capped_stream(readers["stderr"], caps["stderr_bytes"])
    result = {
        "version": job["version"],
        "status": outcome["status"],
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
    if job["version"] >= 3:
        _add_session(result, outcome, artifacts, caps)
    return result, stdout_bytes, stderr_bytes


def _add_session(result, outcome, artifacts, caps):
    """v3: state, state_error, kept (artifact names) and steps_total; warnings (a bad steps_total, a kept file
    that was not collected) become notices after the other blocks, within block_count."""
    kept, missing = attach_kept(outcome["kept"], artifacts)
    for warning in [notice(w) for w in outcome["warnings"]] + missing:
        if len(result["blocks"]) >= caps["block_count"]:
            result["blocks_truncated"] = True
            break
        result["blocks"].append(warning)
    result.update({"state": outcome["state"], "state_error": outcome["state_error"], "kept": kept,
                   "steps_total": outcome["steps_total"]})


def _capped_stream(reader, cap):
    return cap_text(reader.head, cap, reader.total > len(reader.head))


def _tar_info(name, size, now):
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = size, now, 0o644
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info


def write_tar(out, result, stdout_bytes, stderr_bytes, artifacts):
    now = int(time.time())
    with tarfile.open(fileobj=out, mode="w|", format=tarfile.PAX_FORMAT, encoding="utf-8") as tar:
        for name, data in (("result.json", json.dumps(result, ensure_ascii=False).encode("utf-8")),
                           ("stdout.txt", stdout_bytes), ("stderr.txt", stderr_bytes)):
            tar.addfile(_tar_info(name, len(data), now), io.BytesIO(data))
        for art in artifacts:
            os.lseek(art["fd"], 0, os.SEEK_SET)
            with os.fdopen(art["fd"], "rb") as f:
                tar.addfile(_tar_info("artifacts/" + art["name"], art["bytes"], now), f)
