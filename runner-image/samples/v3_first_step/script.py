import csv
import os

import skriptoteket as st


def run_tool(input_path, output_dir):
    assert st.current_step is None
    with open(input_path, encoding="utf-8") as f:
        names = [row["Namn"] for row in csv.DictReader(f)]
    st.state["namn"] = names
    st.state["klass"] = st.fields["klass"]
    st.steps_total = 3
    with open(os.path.join(output_dir, "klasslista.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(names))
    st.keep("klasslista.txt")
    st.keep(os.path.join(output_dir, "finns_inte.txt"))
    size = st.settings.get("gruppstorlek", 3)
    return [
        st.notice("%d elever i %s, grupper om %d" % (len(names), st.fields["klass"], size)),
        st.step("dela", "Dela i grupper", [
            {"name": "storlek", "kind": "integer", "label": "Gruppstorlek", "min": 2, "max": 6},
            {"name": "isar", "kind": "several_choices", "label": "Får inte vara i samma grupp", "options": names},
        ], values={"storlek": size, "isar": names[:2]}),
        st.step("avbryt", "Avbryt", []),
    ]
