import os
import pandas as pd
import matplotlib.pyplot as plt
import skriptoteket as st


def run_tool(input_path, output_dir):
    files = st.input_files()
    frame = pd.DataFrame({"Namn": ["Ada", "Bo"], "Poäng": [12, 9.5]})
    plt.plot([1, 2, 3])
    os.makedirs(os.path.join(output_dir, "bilder"))
    plt.savefig(os.path.join(output_dir, "bilder", "diagram.png"))
    return [
        st.notice("Klass %s, gräns %d, %d filer" % (st.fields["klass"], st.field("grans"), len(files))),
        st.markdown("# Rubrik\n\n*kursiv*"),
        st.table(frame, title="Poäng"),
        st.image("bilder/diagram.png", alt="Ett diagram"),
        st.image("finns_inte.png"),
        st.html("<b>fet</b>"),
    ]
