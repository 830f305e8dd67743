"""Output blocks of protocol v2: turning what a script returned into plain JSON within the caps.

Shared by the child (which converts the script's Python objects, e.g. a pandas DataFrame, and caps them
before they cross the result pipe) and the wrapper parent (which checks the child's JSON again: the child
runs the author's code, so its message is untrusted). Applying `normalize` twice gives the same result.
The host checks the same caps a third time (RunnerResultTar). Stdlib only.
"""

import datetime
import json
import math

from . import _session

KINDS = ("notice", "markdown", "table", "image", "html")
KINDS_V3 = KINDS + ("step",)  # protocol v3: a follow-up step (skriptoteket._session)
LEVELS = ("info", "warning", "error")

# The caps `normalize` applies; the wrapper passes the job's, complete (runner-image/caps.json fills the gaps).
CAP_NAMES = ("block_count", "blocks_bytes", "table_rows", "table_columns", "cell_chars", "notice_chars",
             "markdown_chars", "title_chars", "html_bytes", "step_count", "step_fields")

MSG_BAD_BLOCK = "Ett utdatablock (nr {0}) saknar en giltig typ; tillåtna typer: {1}."
MSG_BAD_RETURN_V2 = "{0} ska returnera text (str) med HTML eller en lista med utdatablock, men returnerade {1}."


class BlockError(Exception):
    """The script returned something that is not a list of blocks (a failure the author should see)."""


def clip(text, limit):
    """(text cut to `limit` characters without NUL or a lone surrogate, truncated?)."""
    text = text.replace("\x00", "\ufffd")
    text = text.encode("utf-8", "replace").decode("utf-8")  # lone surrogates -> '?'
    if len(text) <= limit:
        return text, False
    return text[:limit], True


def clip_bytes(text, limit):
    """(text cut to `limit` UTF-8 bytes on a character boundary, truncated?)."""
    text = text.replace("\x00", "\ufffd")
    data = text.encode("utf-8", "replace")
    if len(data) <= limit:
        return data.decode("utf-8"), False
    return data[:limit].decode("utf-8", "ignore"), True


def _text(value):
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    return str(value)


def cell(value, limit):
    """A table cell as a JSON scalar: finite number, bool, None or text (at most `limit` characters)."""
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        try:
            value = value.item()  # numpy / pandas scalars
        except Exception:  # noqa: BLE001 - anything odd becomes its text below
            pass
    if value is None or isinstance(value, bool):
        return value, False
    if isinstance(value, int):
        return (value if abs(value) < 2 ** 53 else str(value)), False
    if isinstance(value, float):
        return (value if math.isfinite(value) else None), False
    if isinstance(value, (datetime.date, datetime.time)):
        value = value.isoformat()
    return clip(_text(value), limit)


def _rows_of(block):
    rows = block.get("rows")
    if rows is None:
        return []
    if isinstance(rows, (str, bytes, dict)):
        raise BlockError("Tabellens rader ska vara en lista med listor.")
    return rows


def _table(block, caps):
    columns = block.get("columns") or []
    if isinstance(columns, (str, bytes, dict)):
        raise BlockError("Tabellens kolumner ska vara en lista med rubriker.")
    truncated = False
    names = []
    for i, col in enumerate(columns):
        if i >= caps["table_columns"]:
            truncated = True
            break
        name, cut = clip(_text(col), caps["cell_chars"])
        names.append(name)
        truncated = truncated or cut
    width = len(names)
    rows, total = [], 0
    for row in _rows_of(block):
        total += 1
        if len(rows) >= caps["table_rows"]:
            truncated = True
            continue
        if isinstance(row, dict):
            values = [row.get(c) for c in columns[:width]]
        elif isinstance(row, (str, bytes)):
            values = [row]
        else:
            values = list(row)
        if len(values) > width:
            truncated = True
        values = (values + [None] * width)[:width]
        out = []
        for v in values:
            c, cut = cell(v, caps["cell_chars"])
            out.append(c)
            truncated = truncated or cut
        rows.append(out)
    given_total = block.get("rows_total")
    if isinstance(given_total, int) and not isinstance(given_total, bool) and given_total > total:
        total = given_total  # the parent re-checks a table the child already cut
    title, cut = clip(_text(block.get("title")), caps["title_chars"])
    return {"kind": "table", "title": title, "columns": names, "rows": rows, "rows_total": total,
            "truncated": truncated or cut or bool(block.get("truncated") is True)}


def block(raw, index, caps, html_room, version=2, steps=None):
    """One block as plain JSON within the caps; returns (block, html bytes used). `steps` holds the names of the
    steps offered so far (v3)."""
    kinds = KINDS_V3 if version >= 3 else KINDS
    if not isinstance(raw, dict) or raw.get("kind") not in kinds:
        raise BlockError(MSG_BAD_BLOCK.format(index + 1, ", ".join(kinds)))
    kind = raw["kind"]
    if kind == "step":
        return _session.step_or_notice(raw, caps, steps if steps is not None else set()), 0
    earlier_cut = raw.get("truncated") is True
    if kind == "notice":
        level = raw.get("level") if raw.get("level") in LEVELS else "info"
        text, cut = clip(_text(raw.get("text")), caps["notice_chars"])
        return {"kind": kind, "level": level, "text": text, "truncated": cut or earlier_cut}, 0
    if kind == "markdown":
        text, cut = clip(_text(raw.get("text")), caps["markdown_chars"])
        return {"kind": kind, "text": text, "truncated": cut or earlier_cut}, 0
    if kind == "html":
        html, cut = clip_bytes(_text(raw.get("html")), max(html_room, 0))
        return {"kind": kind, "html": html, "truncated": cut or earlier_cut}, len(html.encode("utf-8"))
    if kind == "image":
        alt, _ = clip(_text(raw.get("alt")), caps["title_chars"])
        # The child names the file below the output folder; the parent replaces it by the artifact's name.
        result = {"kind": kind, "alt": alt}
        for key in ("path", "artifact"):
            if isinstance(raw.get(key), str):
                result[key] = clip(raw[key], 1000)[0]
        return result, 0
    return _table(raw, caps), 0


def normalize(value, caps, version=2):
    """(list of blocks, truncated?) from a returned list (or one block); raises BlockError. Step blocks (v3) count
    among the blocks; a bad one becomes a warning notice."""
    caps = {name: caps[name] for name in CAP_NAMES}
    if isinstance(value, dict):
        value = [value]
    blocks, truncated, used_bytes, html_used, steps = [], False, 0, 0, set()
    for index, raw in enumerate(value):
        if len(blocks) >= caps["block_count"]:
            truncated = True
            break
        b, html_bytes = block(raw, index, caps, caps["html_bytes"] - html_used, version, steps)
        size = _size(b)
        if used_bytes + size > caps["blocks_bytes"] and b["kind"] == "table":
            b = _fit_table(b, caps["blocks_bytes"] - used_bytes)
            size = _size(b)
        if used_bytes + size > caps["blocks_bytes"]:
            truncated = True
            break
        used_bytes += size
        html_used += html_bytes
        blocks.append(b)
    return blocks, truncated


def _size(b):
    return len(json.dumps(b, ensure_ascii=False).encode("utf-8"))


def _fit_table(table, room):
    """A big table keeps the head of its rows that fits in the room left, rather than vanishing."""
    fitted = dict(table, rows=[], truncated=True)
    left = room - _size(fitted)
    for row in table["rows"]:
        left -= _size(row) + 2  # ", " between rows in json.dumps
        if left < 0:
            break
        fitted["rows"].append(row)
    return fitted
