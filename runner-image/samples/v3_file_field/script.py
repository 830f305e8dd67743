import skriptoteket as st


def run_tool(input_path, output_dir):
    return [
        st.step("ladda", "Ladda upp", [{"name": "fil", "kind": "file", "label": "En fil"}]),
        st.step("okand_typ", "Okänd typ", [{"name": "x", "kind": "color", "label": "Färg"}]),
        st.step("ok", "Ok", [{"name": "n", "kind": "yes_no", "label": "Ja?", "default": True}]),
    ]
