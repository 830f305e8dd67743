"""Skriptoteket's helper module for tool scripts (runner protocol v2, see runner-image/PROTOCOL.md).

    import skriptoteket as st

    def run_tool(input_path, output_dir):
        klass = st.fields.get("klass", "")
        if not st.input_files():
            raise st.ToolUserError("Välj en fil med elever.")
        return [st.notice("Klart!"), st.table(["Namn", "Poäng"], [["Ada", 12], ["Bo", 9]])]

Part of the runner image (installed read-only next to the wrapper); authors cannot change it.
"""

import json
import os

__all__ = [
    "ToolUserError", "fields", "field", "input_files", "InputFile", "output_dir",
    "notice", "markdown", "table", "image", "html",
]

WORK = "/work"
output_dir = WORK + "/output"
_FIELDS_PATH = WORK + "/fields.json"
_MANIFEST_PATH = WORK + "/input/manifest.json"


class ToolUserError(Exception):
    """Raise with a message for the teacher: it is shown exactly as written, in place of a failure notice.

    Any other exception shows the teacher only a generic message with a run reference; the author and
    admins see the exception and its traceback.
    """

    def __init__(self, message):
        super().__init__(message)
        self.message = str(message)


def _load_json(path, default):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return default


fields = {}
"""The run's field values by field name, already checked against the tool's declaration."""


def _read_fields():
    """Fills `fields` from the job. The wrapper calls it just before the script runs: a warm container's
    script process imports this module before its job (and fields.json) arrives."""
    values = _load_json(_FIELDS_PATH, {})
    fields.clear()
    if isinstance(values, dict):
        fields.update(values)


_read_fields()


def field(name, default=None):
    """One field value, or `default` when the run has none."""
    return fields.get(name, default)


class InputFile:
    """One uploaded file: `name` (as uploaded), `path` (to open) and `bytes` (its size)."""

    __slots__ = ("name", "path", "bytes")

    def __init__(self, name, path, size):
        self.name, self.path, self.bytes = name, path, size

    def __repr__(self):
        return "InputFile(%r, %d bytes)" % (self.name, self.bytes)


def input_files():
    """The run's input files in upload order (the first is the `input_path` of run_tool)."""
    entries = _load_json(_MANIFEST_PATH, [])
    return [InputFile(e["name"], e["path"], e["bytes"]) for e in entries
            if isinstance(e, dict) and {"name", "path", "bytes"} <= set(e)]


# ---------------------------------------------------------------------------------------------
# Output blocks: return a list of these from run_tool (or one html string, as in protocol v1).
# ---------------------------------------------------------------------------------------------

def notice(text, level="info"):
    """A short message in a coloured box; level is "info", "warning" or "error"."""
    return {"kind": "notice", "level": level, "text": str(text)}


def markdown(text):
    """Text with Markdown formatting (headings, lists, emphasis, links, tables); raw HTML is removed."""
    return {"kind": "markdown", "text": str(text)}


def html(text):
    """HTML shown in a sandboxed frame, as a protocol v1 return value is (no scripts, no loads)."""
    return {"kind": "html", "html": str(text)}


def image(path, alt=""):
    """An image file the script wrote below output_dir (PNG, JPEG, GIF or WebP), shown inline and
    downloadable. `path` is absolute or relative to output_dir; `alt` describes it for screen readers."""
    full = os.path.abspath(os.path.join(output_dir, str(path)))
    relative = os.path.relpath(full, output_dir)
    return {"kind": "image", "path": relative, "alt": str(alt)}


def table(columns, rows=None, title=""):
    """A table the teacher can sort and download as xlsx or csv.

    Either `table(["Namn", "Poäng"], [["Ada", 12], ...])`, `table(list_of_dicts)` (columns from the first
    row's keys) or `table(dataframe)` (a pandas DataFrame: its columns and rows). Cells may be text,
    numbers, yes/no (bool), dates or None (empty).
    """
    if rows is None and hasattr(columns, "columns") and hasattr(columns, "itertuples"):
        frame = columns
        return {"kind": "table", "title": str(title), "columns": [str(c) for c in frame.columns],
                "rows": [list(r) for r in frame.itertuples(index=False, name=None)]}
    if rows is None and isinstance(columns, list) and columns and isinstance(columns[0], dict):
        names = list(columns[0].keys())
        return {"kind": "table", "title": str(title), "columns": [str(c) for c in names],
                "rows": [[r.get(c) for c in names] for r in columns if isinstance(r, dict)]}
    return {"kind": "table", "title": str(title), "columns": [str(c) for c in columns],
            "rows": list(rows or [])}
