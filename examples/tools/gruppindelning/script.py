"""Delar en klasslista i grupper av vald storlek; blandar eller behåller ordningen.

Indata: en CSV- eller textfil med ett namn per rad (en rubrikrad "namn" hoppas över). Fält: gruppstorlek (heltal
2–10), blanda (ja/nej), slumpfrö (heltal, samma frö ger samma grupper).
"""
import csv
import random

import skriptoteket as st


def read_names(path):
    with open(path, encoding="utf-8-sig") as f:
        text = f.read()
    rows = list(csv.reader(text.splitlines(), delimiter=";" if ";" in text else ","))
    names = [r[0].strip() for r in rows if r and r[0].strip()]
    if names and names[0].lower() in ("namn", "elev", "name"):
        names = names[1:]
    return names


def run_tool(input_path, output_dir):
    storlek = int(st.field("gruppstorlek", 4))
    names = read_names(input_path)
    if len(names) < 2:
        raise st.ToolUserError("Filen behöver minst två namn, ett per rad.")
    if storlek >= len(names):
        raise st.ToolUserError(f"Gruppstorleken {storlek} är lika stor som klassen ({len(names)} elever). Välj en mindre.")
    if st.field("blanda", True):
        random.Random(st.field("slumpfro", 1)).shuffle(names)
    antal = max(1, round(len(names) / storlek))
    grupper = [names[i::antal] for i in range(antal)]  # jämna grupper: storleken skiljer högst en elev
    rows = [[nr, namn] for nr, grupp in enumerate(grupper, start=1) for namn in grupp]
    lista = "\n".join(f"- **Grupp {nr}:** " + ", ".join(g) for nr, g in enumerate(grupper, start=1))
    return [
        st.notice(f"{len(names)} elever i {antal} grupper om {min(map(len, grupper))}–{max(map(len, grupper))}."),
        st.markdown(lista),
        st.table(["Grupp", "Namn"], rows, title="Grupper"),
    ]
