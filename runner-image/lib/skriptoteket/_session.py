"""Protocol v3 rules shared by the child and the wrapper parent: step blocks (a follow-up form the script offers)
and the session state (`st.state`).

The child applies them to what the script returned; the parent applies them again to the child's message, since
the child ran the author's code. Applying them twice gives the same result. The host checks the same a third time
(RunnerResultBlocks with ToolInputRules, RunnerResultTar). Stdlib only.

A step's form is declared as inputs.json's `fields` (docs/tool-author-guide.md, "Fält"); files are not part of a
step (earlier uploads are in `st.session_files()`). The runner checks the form's shape (names, kinds, labels,
options); the host also checks bounds and defaults against the field kinds.
"""

import datetime
import decimal
import json
import math
import re

FIELD_KINDS = ("short_text", "long_text", "integer", "decimal", "yes_no", "one_choice", "several_choices", "date")
FIELD_KEYS = ("name", "kind", "label", "help", "required", "default", "min", "max", "options")
CHOICE_KINDS = ("one_choice", "several_choices")
UNBOUNDED_KINDS = ("yes_no", "one_choice")  # no min/max, as ToolInputRules says

NAME_MAX = 40       # ToolInputRules.NameLength; a step's name follows the same rule
LABEL_MAX = 200     # ToolInputRules.LabelLength
HELP_MAX = 1000     # ToolInputRules.HelpLength
OPTIONS_MAX = 100   # ToolInputRules.MaxOptions
OPTION_MAX = 200    # ToolInputRules.OptionLength
STEPS_TOTAL_MAX = 100
STATE_DEPTH_MAX = 40  # result.json nests the state; the host reads JSON at most 64 levels deep

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")

MSG_STEP_REFUSED = "Steget {0} visas inte: {1}"
MSG_STATE_NOT_OBJECT = "st.state måste vara en ordbok (dict), men är {0}."
MSG_STATE_NOT_JSON = "st.state kunde inte sparas: {0}"
MSG_STATE_TOO_LARGE = "st.state är för stort för att sparas till nästa steg: {0} byte, högst {1} byte."
MSG_STEPS_TOTAL = "st.steps_total ska vara ett heltal mellan 1 och {0}; värdet {1} används inte."
MSG_KEPT_MISSING = "Filen {0} kunde inte sparas till nästa steg (den finns inte i utdatamappen eller fick inte plats)."


class StepProblem(Exception):
    """Why one step block cannot be offered (a Swedish phrase)."""


# ---------------------------------------------------------------------------------------------
# Step blocks
# ---------------------------------------------------------------------------------------------

def is_identifier(name):
    return isinstance(name, str) and 0 < len(name) <= NAME_MAX and _IDENTIFIER.match(name) is not None


def _shown(value):
    """A name as the warning notice quotes it: short and printable."""
    text = value if isinstance(value, str) else repr(value)
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return '"%s"' % (text if len(text) <= NAME_MAX else text[:NAME_MAX] + "…")


def clean(text):
    """Storable text: no NUL, no lone surrogate (PostgreSQL refuses both)."""
    return text.replace("\x00", "\ufffd").encode("utf-8", "replace").decode("utf-8")


def storable(text):
    """What the host stores as text (TextRules.IsStorable): no C0 control character but tab, newline and carriage
    return, no lone surrogate."""
    return clean(text) == text and not any(ord(ch) < 32 and ch not in "\t\n\r" for ch in text)


def _text(value, what, limit, required, strip=True):
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise StepProblem("%s ska vara text." % what)
    if strip:
        value = value.strip()
    if required and not value:
        raise StepProblem("%s saknas." % what)
    if len(value) > limit:
        raise StepProblem("%s får vara högst %d tecken." % (what, limit))
    if not storable(value):
        raise StepProblem("%s innehåller otillåtna tecken." % what)
    return value


def _value_text(text, kind, key, who):
    """A default, min or max as stored: a long text's default exactly as written, everything else trimmed."""
    return _text(text, "%s: %s" % (who, key), 10_000, False, strip=not (kind == "long_text" and key == "default"))


def canonical(value, kind):
    """A default, min, max or prefilled value as the canonical text of inputs.json: numbers with '.',
    dates YYYY-MM-DD, yes/no "true"/"false", several choices one per line. None stays None."""
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        try:
            value = value.item()  # numpy / pandas scalars
        except Exception:  # noqa: BLE001 - an odd object is refused below
            pass
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise StepProblem("värdet %r är inget tal." % value)
        return _plain_decimal(decimal.Decimal(repr(value)))
    if isinstance(value, decimal.Decimal):
        if not value.is_finite():
            raise StepProblem("värdet %s är inget tal." % value)
        return _plain_decimal(value)
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)) and kind == "several_choices":
        return "\n".join(_text(v, "ett alternativ", OPTION_MAX, True) for v in value)
    if isinstance(value, str):
        return value
    raise StepProblem("värdet av typen %s kan inte användas i ett formulär." % type(value).__name__)


def _plain_decimal(d):
    """1e-05 -> "0.00001", 2.50 -> "2.5": no exponent (the host reads numbers without one)."""
    text = format(d, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def _field(raw, index, names):
    who = "fält %d" % (index + 1)
    if not isinstance(raw, dict):
        raise StepProblem("%s ska vara en ordbok (dict) som i inputs.json." % who)
    unknown = [k for k in raw if k not in FIELD_KEYS]
    if unknown:
        raise StepProblem("%s har en okänd egenskap %s; möjliga: %s." % (who, _shown(unknown[0]), ", ".join(FIELD_KEYS)))
    name = raw.get("name")
    if isinstance(name, str):
        name = name.strip()
    if not is_identifier(name):
        raise StepProblem("%s: namnet måste vara 1–%d tecken, börja med en bokstav eller _ och bara innehålla "
                          "a–z, A–Z, 0–9 och _." % (who, NAME_MAX))
    who = "fältet %s" % _shown(name)
    if name.lower() in names:
        raise StepProblem("%s finns redan; varje fält behöver ett eget namn." % who)
    names.add(name.lower())
    kind = raw.get("kind")
    if kind in ("file", "files"):
        raise StepProblem("%s: ett steg kan inte be om filer; filer från tidigare steg finns i "
                          "st.session_files()." % who)
    if kind not in FIELD_KINDS:
        raise StepProblem("%s: okänd fälttyp %s; möjliga: %s." % (who, _shown(kind), ", ".join(FIELD_KINDS)))
    field = {"name": name, "kind": kind, "label": _text(raw.get("label"), who + ": etiketten", LABEL_MAX, True)}
    help_text = _text(raw.get("help"), who + ": hjälptexten", HELP_MAX, False)
    if help_text:
        field["help"] = help_text
    required = raw.get("required", False)
    if not isinstance(required, bool):
        raise StepProblem("%s: required ska vara True eller False." % who)
    if required:
        field["required"] = True
    for key in ("default", "min", "max"):
        value = canonical(raw.get(key), kind)
        if value is None or not value.strip():
            continue
        if key != "default" and kind in UNBOUNDED_KINDS:
            raise StepProblem("%s: den här fälttypen har inget minsta eller största värde." % who)
        field[key] = _value_text(value, kind, key, who)
    options = raw.get("options")
    if kind in CHOICE_KINDS:
        if not isinstance(options, (list, tuple)) or not options:
            raise StepProblem("%s: ange minst ett alternativ." % who)
        if len(options) > OPTIONS_MAX:
            raise StepProblem("%s: högst %d alternativ." % (who, OPTIONS_MAX))
        texts = [_text(canonical(o, "short_text"), who + ": ett alternativ", OPTION_MAX, True) for o in options]
        if any("\n" in t for t in texts):
            raise StepProblem("%s: varje alternativ måste vara en rad." % who)
        if len(set(texts)) != len(texts):
            raise StepProblem("%s: alternativen måste vara olika." % who)
        field["options"] = texts
    elif options:
        raise StepProblem("%s: bara val-fält har alternativ." % who)
    return field


def step(raw, caps, seen):
    """One step block as plain JSON ({"kind": "step", "name", "label", "fields"}), its prefilled `values` merged
    into the fields' defaults; raises StepProblem. `seen` holds the names of the steps already offered."""
    name = raw.get("name")
    if not is_identifier(name):
        raise StepProblem("namnet måste vara 1–%d tecken, börja med en bokstav eller _ och bara innehålla "
                          "a–z, A–Z, 0–9 och _." % NAME_MAX)
    if name in seen:
        raise StepProblem("ett steg med samma namn finns redan.")
    if len(seen) >= caps["step_count"]:
        raise StepProblem("högst %d steg per körning." % caps["step_count"])
    label = _text(raw.get("label"), "etiketten", LABEL_MAX, True)
    if "\n" in label:
        raise StepProblem("etiketten måste vara en rad.")
    raw_fields = raw.get("fields")
    if raw_fields is None:
        raw_fields = []
    if not isinstance(raw_fields, (list, tuple)):
        raise StepProblem("fälten ska vara en lista som fields i inputs.json.")
    if len(raw_fields) > caps["step_fields"]:
        raise StepProblem("högst %d fält per steg." % caps["step_fields"])
    names = set()
    fields = [_field(f, i, names) for i, f in enumerate(raw_fields)]
    values = raw.get("values")
    if values is not None:
        if not isinstance(values, dict):
            raise StepProblem("de förifyllda värdena ska vara en ordbok (dict) med fältnamn.")
        by_name = {f["name"]: f for f in fields}
        for key, value in values.items():
            if key not in by_name:
                raise StepProblem("ett förifyllt värde hör till fältet %s, som inte finns i steget." % _shown(key))
            text = canonical(value, by_name[key]["kind"])
            if text is not None and text.strip():
                by_name[key]["default"] = _value_text(text, by_name[key]["kind"], "default", "fältet %s" % _shown(key))
    seen.add(name)
    return {"kind": "step", "name": name, "label": label, "fields": fields}


def step_or_notice(raw, caps, seen):
    """A step block, or the warning notice that says why it is not offered."""
    try:
        return step(raw, caps, seen)
    except StepProblem as e:
        text = MSG_STEP_REFUSED.format(_shown(raw.get("name")), e)
        return {"kind": "notice", "level": "warning", "text": text[:caps["notice_chars"]], "truncated": False}


# ---------------------------------------------------------------------------------------------
# State
# ---------------------------------------------------------------------------------------------

class StateError(Exception):
    """The state cannot be kept (a Swedish sentence for the author and the teacher)."""


def _refuse_non_json(value):
    raise TypeError("ett värde av typen %s kan inte sparas som JSON (använd text, tal, True/False, None, "
                    "listor och ordböcker)." % type(value).__name__)


def state_json(state, limit):
    """The state as the JSON text result.json carries (ensure_ascii=False, default separators: exactly the text the
    host reads back), or StateError. Keys must be text, values JSON (no NaN), text storable, at most `limit` bytes."""
    if not isinstance(state, dict):
        raise StateError(MSG_STATE_NOT_OBJECT.format(type(state).__name__))
    try:
        text = json.dumps(state, ensure_ascii=False, allow_nan=False, default=_refuse_non_json)
        _check_texts(state, 0)
    except TypeError as e:
        raise StateError(MSG_STATE_NOT_JSON.format(e)) from None
    except ValueError as e:
        why = "det innehåller sig självt." if "ircular" in str(e) else "det innehåller NaN eller ett oändligt tal."
        raise StateError(MSG_STATE_NOT_JSON.format(why)) from None
    except RecursionError:
        raise StateError(MSG_STATE_NOT_JSON.format("det är för djupt nästlat.")) from None
    size = len(text.encode("utf-8"))
    if size > limit:
        raise StateError(MSG_STATE_TOO_LARGE.format(size, limit))
    return text


def _check_texts(value, depth):
    """Keys must be text (json.dumps would silently turn 1 into "1", a different key in the next step) and every
    text storable (no NUL, no lone surrogate: PostgreSQL refuses both)."""
    if depth > STATE_DEPTH_MAX:
        raise RecursionError()
    if isinstance(value, str):
        if not storable(value):
            raise TypeError("en text innehåller otillåtna tecken (kontrolltecken som NUL eller ett ofullständigt tecken).")
    elif isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError("nyckeln %r är inte text; använd text som nycklar." % (key,))
            _check_texts(key, depth + 1)
            _check_texts(item, depth + 1)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _check_texts(item, depth + 1)


def steps_total(value):
    """(the steps total or None, a warning or None)."""
    if value is None:
        return None, None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= STEPS_TOTAL_MAX:
        return None, MSG_STEPS_TOTAL.format(STEPS_TOTAL_MAX, _shown(value))
    return value, None
