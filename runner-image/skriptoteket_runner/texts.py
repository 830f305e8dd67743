"""The wrapper's messages (Swedish: the teacher may read them) and the text rules shared by its parts."""

import sys

SUMMARY_CHARS = 500

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


def log(message):
    """The wrapper's own one-line diagnostics: stderr of the container, English, for the host's logs."""
    print("runner: " + message, file=sys.stderr, flush=True)


def cap_text(data, cap, already_truncated=False):
    """(UTF-8 bytes without NUL — PostgreSQL text refuses NUL — cut to `cap` on a character boundary, truncated?)."""
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


def user_text(text):
    """The author's message for the teacher, as written (line breaks kept), at most SUMMARY_CHARS."""
    text = str(text).replace("\x00", "\ufffd").strip()
    return _at_most(text)


def clip(text):
    """One line of at most SUMMARY_CHARS."""
    return _at_most(" ".join(str(text).split()))


def _at_most(text):
    return text if len(text) <= SUMMARY_CHARS else text[:SUMMARY_CHARS - 1] + "…"
