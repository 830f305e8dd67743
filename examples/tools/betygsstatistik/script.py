"""Betygsstatistik per ämne: antal elever per betyg, genomsnittlig betygspoäng, diagram och en Excel-rapport.

Indata: en CSV-fil med kolumnerna namn, klass, ämne, betyg (A–F). Fält: rubrik (text), klass (text, tomt = alla),
visa_diagram (ja/nej).
"""
import os

import matplotlib.pyplot as plt
import pandas as pd
import skriptoteket as st

POANG = {"A": 20, "B": 17.5, "C": 15, "D": 12.5, "E": 10, "F": 0}
BETYG = list(POANG)


def run_tool(input_path, output_dir):
    rubrik = st.field("rubrik") or "Betygsstatistik"
    klass = (st.field("klass") or "").strip()
    try:
        df = pd.read_csv(input_path, sep=None, engine="python", dtype=str)
    except Exception:
        raise st.ToolUserError("Filen kunde inte läsas som CSV. Spara betygslistan som CSV (UTF-8) och försök igen.")
    df.columns = [c.strip().lower() for c in df.columns]
    saknas = [c for c in ("namn", "ämne", "betyg") if c not in df.columns]
    if saknas:
        raise st.ToolUserError("Filen saknar kolumnen " + ", ".join(saknas) + ". Kolumnerna ska heta namn, klass, ämne och betyg.")
    if klass:
        if "klass" not in df.columns:
            raise st.ToolUserError("Filen har ingen kolumn klass, så det går inte att välja klass.")
        df = df[df["klass"].str.strip().str.upper() == klass.upper()]
        if df.empty:
            raise st.ToolUserError(f"Ingen elev i klass {klass} finns i filen.")
    df["betyg"] = df["betyg"].str.strip().str.upper()
    okanda = sorted(set(df["betyg"]) - set(BETYG))
    df = df[df["betyg"].isin(BETYG)]

    antal = pd.crosstab(df["ämne"], df["betyg"]).reindex(columns=BETYG, fill_value=0)
    snitt = df.assign(p=df["betyg"].map(POANG)).groupby("ämne")["p"].mean().round(1)
    rapport = antal.assign(Elever=antal.sum(axis=1), Snittpoäng=snitt).reset_index().rename(columns={"ämne": "Ämne"})

    rapport.to_excel(os.path.join(output_dir, "Betygsstatistik.xlsx"), index=False, sheet_name="Per ämne")
    blocks = [
        st.markdown(f"## {rubrik}\n\n{len(df)} betyg i {len(rapport)} ämnen" + (f", klass {klass}" if klass else "") + "."),
        st.table(rapport, title="Betyg per ämne"),
    ]
    if okanda:
        blocks.insert(1, st.notice("Okända betyg hoppades över: " + ", ".join(okanda), level="warning"))
    if st.field("visa_diagram", True):
        ax = antal.plot(kind="bar", stacked=True, figsize=(8, 4), colormap="viridis")
        ax.set_xlabel("")
        ax.set_ylabel("Antal elever")
        ax.set_title(rubrik)
        plt.tight_layout()
        plt.savefig(os.path.join(output_dir, "betyg_per_amne.png"), dpi=100)
        blocks.append(st.image("betyg_per_amne.png", alt="Staplar: antal elever per betyg i varje ämne"))
    return blocks
