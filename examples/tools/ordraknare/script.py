"""Räknar orden i ett Word-dokument: totalt, de vanligaste orden som tabell och som diagram.

Indata: en .docx-fil. Fält: antal_ord (heltal 5–100, hur många av de vanligaste), minsta_langd (heltal 1–20,
kortare ord räknas inte bland de vanligaste).
"""
import collections
import os
import re

import docx
import matplotlib.pyplot as plt
import skriptoteket as st

ORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def run_tool(input_path, output_dir):
    try:
        document = docx.Document(input_path)
    except Exception:
        raise st.ToolUserError("Filen kunde inte öppnas som ett Word-dokument (.docx).")
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n" + "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    words = [w.lower() for w in ORD.findall(text)]
    if not words:
        raise st.ToolUserError("Dokumentet innehåller inga ord.")
    antal = int(st.field("antal_ord", 20))
    minsta = int(st.field("minsta_langd", 1))
    vanligast = collections.Counter(w for w in words if len(w) >= minsta).most_common(antal)

    ord_, n = zip(*vanligast) if vanligast else ((), ())
    plt.figure(figsize=(8, max(2, len(ord_) * 0.3)))
    plt.barh(list(reversed(ord_)), list(reversed(n)), color="#5b4fd8")
    plt.xlabel("Antal")
    plt.tight_layout()
    plt.savefig(os.path.join(output_dir, "vanligaste_orden.png"), dpi=100)
    return [
        st.notice(f"{len(words)} ord, {len(set(words))} olika, i {len(document.paragraphs)} stycken."),
        st.table(["Ord", "Antal"], [list(x) for x in vanligast], title=f"De {len(vanligast)} vanligaste orden"),
        st.image("vanligaste_orden.png", alt="Liggande staplar: de vanligaste orden och hur ofta de förekommer"),
    ]
