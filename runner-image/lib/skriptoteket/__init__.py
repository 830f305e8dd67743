"""Skriptoteket's helper module for tool scripts (runner protocols v2 and v3, see runner-image/PROTOCOL.md).

    import skriptoteket as st

    def run_tool(input_path, output_dir):
        klass = st.fields.get("klass", "")
        if not st.input_files():
            raise st.ToolUserError("Välj en fil med elever.")
        return [st.notice("Klart!"), st.table(["Namn", "Poäng"], [["Ada", 12], ["Bo", 9]])]

Interactive tools (v3) offer follow-up steps and keep a state between them:

    def run_tool(input_path, output_dir):
        if st.current_step is None:                      # the session's first run
            st.state["namn"] = [r["Namn"] for r in read(input_path)]
            return [st.step("dela", "Dela i grupper", [
                {"name": "storlek", "kind": "integer", "label": "Gruppstorlek", "min": "2", "default": "3"}])]
        if st.current_step == "dela":
            storlek = st.fields["storlek"]                 # the step form's checked values
            ...

Part of the runner image (installed read-only next to the wrapper); authors cannot change it.
"""

import json
import os

__all__ = [
    "ToolUserError", "fields", "field", "input_files", "InputFile", "output_dir",
    "notice", "markdown", "table", "image", "html",
    "current_step", "settings", "state", "step", "steps_total", "keep", "session_files", "pdf",
]

WORK = "/work"
output_dir = WORK + "/output"
_FIELDS_PATH = WORK + "/fields.json"
_MANIFEST_PATH = WORK + "/input/manifest.json"
_SESSION_PATH = WORK + "/session.json"


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


# ---------------------------------------------------------------------------------------------
# Sessions (protocol v3): the step being taken, the saved settings, the state kept between steps.
# ---------------------------------------------------------------------------------------------

current_step = None
"""None on a session's first run, else the name of the step being taken (one a previous run offered with step)."""

settings = {}
"""The teacher's saved settings for this tool (checked against the version's settings declaration)."""

state = {}
"""What the previous step kept; change it (or assign a new dict) and it is kept for the next step when run_tool
returns. Text keys, JSON values (text, numbers, True/False, None, lists, dicts), at most 64 KiB as JSON."""

steps_total = None
"""How many steps the tool has, if known: the page then shows "Steg 2 av 3". Set it, e.g. st.steps_total = 3."""

_kept = []
_session_entries = []


def _read_session():
    """Fills the session values from the job (like _read_fields, just before the script runs)."""
    global current_step, steps_total
    session = _load_json(_SESSION_PATH, {})
    if not isinstance(session, dict):
        session = {}
    current_step = session.get("current_step") if isinstance(session.get("current_step"), str) else None
    steps_total = None
    for target, key in ((settings, "settings"), (state, "state")):
        target.clear()
        if isinstance(session.get(key), dict):
            target.update(session[key])
    _kept.clear()
    _session_entries[:] = session.get("files") if isinstance(session.get("files"), list) else []


_read_session()


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


def session_files():
    """Files of the session's earlier steps (uploads and files kept with keep), read-only in /work/session/."""
    return [InputFile(e["name"], e["path"], e["bytes"]) for e in _session_entries
            if isinstance(e, dict) and {"name", "path", "bytes"} <= set(e)]


def _below_output(path):
    """A path the script names, relative to output_dir (absolute, or relative to output_dir)."""
    full = os.path.abspath(os.path.join(output_dir, str(path)))
    return os.path.relpath(full, output_dir)


def keep(path):
    """Marks a file written below output_dir to be kept for the session's later steps, where it appears in
    session_files() (under its download name). Returns the path given."""
    relative = _below_output(path)
    if relative not in _kept:
        _kept.append(relative)
    return path


def step(name, label, fields, values=None):
    """A follow-up step to return among the blocks: `name` (what current_step says when the teacher takes it: a
    Python identifier of at most 40 characters), the button's `label`, and its form, declared as inputs.json's
    `fields` (list of dicts: name, kind, label, help, required, default, min, max, options; no files).
    `values` prefills the form: {field name: value}. A run that returns no step ends the session."""
    block = {"kind": "step", "name": name, "label": label, "fields": list(fields or [])}
    if values is not None:
        block["values"] = values
    return block


def pdf(html, name):
    """Writes the HTML as a PDF (WeasyPrint; DejaVu fonts, so å, ä and ö print) to output_dir and returns its
    path. `name` becomes a safe file name ending in .pdf ("Brev till Åsa" -> "Brev_till_Asa.pdf"). Images and
    style sheets are read relative to output_dir; there is no network."""
    from weasyprint import HTML  # imported on first use: most tools never need it
    path = os.path.join(output_dir, _pdf_name(name))
    HTML(string=str(html), base_url=output_dir + "/").write_pdf(path)
    return path


def _pdf_name(name):
    import unicodedata
    base = os.path.basename(str(name).replace("\\", "/")).strip()
    chars = [ch if ch.isascii() and (ch.isalnum() or ch in "._-") else "_"
             for ch in unicodedata.normalize("NFKD", base) if not unicodedata.combining(ch)]
    stem = "".join(chars).lstrip("._-")
    if stem.lower().endswith(".pdf"):
        stem = stem[:-4]
    return (stem[:96] or "dokument") + ".pdf"


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
    return {"kind": "image", "path": _below_output(path), "alt": str(alt)}


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
