"""Chart (matplotlib) and a Word report (python-docx) into a subfolder of the output."""
import os

import matplotlib.pyplot as plt
import pandas as pd
from docx import Document
from docx.shared import Inches


def run_tool(input_path, output_dir):
    df = pd.read_csv(input_path)
    counts = df["betyg"].value_counts().sort_index()
    folder = os.path.join(output_dir, "rapport")
    os.makedirs(folder)
    chart = os.path.join(folder, "betyg.png")
    fig, ax = plt.subplots(figsize=(4, 3))
    counts.plot.bar(ax=ax, title="Betygsfördelning")
    fig.savefig(chart, dpi=80)
    doc = Document()
    doc.add_heading("Betygsrapport", 1)
    doc.add_picture(chart, width=Inches(4))
    doc.save(os.path.join(folder, "rapport.docx"))
    return f"<p>{int(counts.sum())} betyg</p>"
