"""Delar en klass i grupper i tre steg: läs in klasslistan, välj gruppstorlek och vilka elever som inte ska
hamna i samma grupp, se grupperna och gör om eller skriv ut dem som PDF.

Steg: första körningen läser listan (ett namn per rad; en rubrikrad "namn" hoppas över) och erbjuder "dela".
"dela" och "gor_om" visar grupperna och erbjuder "gor_om" (ett nytt frö, samma val) och "skriv_ut" (PDF).
Inställningar (sparas per lärare): standardstorlek och hur grupperna heter.
"""
import csv
import html
import random

import skriptoteket as st

GRUPPNAMN = {"Grupp 1, 2, 3": lambda i: f"Grupp {i + 1}", "Lag A, B, C": lambda i: f"Lag {chr(ord('A') + i)}"}


def read_names(path):
    with open(path, encoding="utf-8-sig") as f:
        text = f.read()
    rows = list(csv.reader(text.splitlines(), delimiter=";" if ";" in text else ","))
    names = [r[0].strip() for r in rows if r and r[0].strip()]
    if names and names[0].lower() in ("namn", "elev", "name"):
        names = names[1:]
    return names


def split(names, storlek, isar, frö):
    """Jämna grupper (storleken skiljer högst en elev); eleverna i `isar` sprids över så många grupper det går."""
    antal = max(1, round(len(names) / storlek))
    rng = random.Random(frö)
    separerade = [n for n in names if n in isar]
    övriga = [n for n in names if n not in isar]
    rng.shuffle(separerade)
    rng.shuffle(övriga)
    grupper = [[] for _ in range(antal)]
    for i, namn in enumerate(separerade + övriga):
        grupper[i % antal].append(namn)
    return grupper


def dela_step(names, values, label="Dela i grupper"):
    return st.step("dela", label, [
        {"name": "storlek", "kind": "integer", "label": "Elever per grupp", "required": True, "min": 2, "max": 10},
        {"name": "isar", "kind": "several_choices", "label": "Ska inte hamna i samma grupp",
         "help": "Välj elever som ska sitta i olika grupper.", "options": list(dict.fromkeys(names))[:100]},
        {"name": "fro", "kind": "integer", "label": "Slumpfrö", "help": "Samma frö ger samma grupper.", "min": 0, "max": 1000000},
    ], values)


def show_groups(grupper, isar):
    namnge = GRUPPNAMN.get(st.settings.get("gruppnamn"), GRUPPNAMN["Grupp 1, 2, 3"])
    rows = [[namnge(i), namn] for i, grupp in enumerate(grupper) for namn in grupp]
    blocks = [st.notice(f"{sum(map(len, grupper))} elever i {len(grupper)} grupper.")]
    krockar = [namnge(i) for i, g in enumerate(grupper) if len([n for n in g if n in isar]) > 1]
    if krockar:
        blocks.append(st.notice(f"Det finns fler valda elever än grupper, så {', '.join(krockar)} har fler än en av dem.", level="warning"))
    blocks.append(st.table(["Grupp", "Namn"], rows, title="Grupper"))
    return blocks


def run_tool(input_path, output_dir):
    st.steps_total = 3
    if st.current_step is None:
        names = read_names(input_path)
        if len(names) < 3:
            raise st.ToolUserError("Filen behöver minst tre namn, ett per rad.")
        st.state["namn"] = names
        storlek = int(st.settings.get("standardstorlek", 4))
        return [st.notice(f"{len(names)} elever inlästa. Välj hur de ska delas."),
                st.table(["Namn"], [[n] for n in names], title="Klasslista"),
                dela_step(names, {"storlek": min(storlek, len(names) - 1), "fro": 1})]

    names = st.state["namn"]
    if st.current_step == "skriv_ut":
        grupper = st.state["grupper"]
        namnge = GRUPPNAMN.get(st.settings.get("gruppnamn"), GRUPPNAMN["Grupp 1, 2, 3"])
        rubrik = st.fields.get("rubrik") or "Grupper"
        delar = "".join(f"<h2>{html.escape(namnge(i))}</h2><ul>{''.join(f'<li>{html.escape(n)}</li>' for n in g)}</ul>"
                        for i, g in enumerate(grupper))
        st.pdf(f"<h1>{html.escape(rubrik)}</h1>{delar}", "grupper.pdf")
        return [st.notice("Grupperna finns som PDF att ladda ner: grupper.pdf.")]

    if st.current_step == "dela":
        val = {"storlek": st.fields["storlek"], "isar": st.fields.get("isar") or [], "fro": st.fields.get("fro", 1)}
    else:  # gor_om: samma val, nästa frö
        val = dict(st.state["val"], fro=st.state["val"]["fro"] + 1)
    if val["storlek"] >= len(names):
        # Not an error: a failed step would end the session and the teacher would have to upload the list again.
        return [st.notice(f"Gruppstorleken {val['storlek']} är lika stor som klassen ({len(names)} elever). Välj en mindre.",
                          level="warning"),
                dela_step(names, dict(val, storlek=len(names) - 1), "Välj igen")]
    grupper = split(names, val["storlek"], set(val["isar"]), val["fro"])
    st.state["val"] = val
    st.state["grupper"] = grupper
    return show_groups(grupper, set(val["isar"])) + [
        st.step("gor_om", "Gör om (nya grupper, samma val)", []),
        dela_step(names, val, "Ändra valen"),
        st.step("skriv_ut", "Skriv ut som PDF", [
            {"name": "rubrik", "kind": "short_text", "label": "Rubrik på utskriften", "max": 80}], {"rubrik": "Grupper"}),
    ]
