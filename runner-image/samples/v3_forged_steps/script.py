import skriptoteket as st


def run_tool(input_path, output_dir):
    text = {"name": "t", "kind": "short_text", "label": "T"}
    return [
        st.step("ett", "Ett", [text]),
        st.step("ett", "Ett igen", []),                     # duplicate
        st.step("../../etc", "Sökväg", []),                 # not an identifier
        st.step("x" * 41, "För långt namn", []),            # 41 characters
        st.step(123, "Tal", []),                            # not text
        st.step("tom_etikett", "  ", []),                   # no label
        st.step("manga_falt", "Många fält", [dict(text, name="a"), dict(text, name="b"), dict(text, name="c")]),
        st.step("samma_falt", "Samma fält", [text, dict(text, label="Igen")]),
        st.step("okand", "Okänt värde", [text], values={"finns_inte": 1}),
        st.step("tva", "Två", []),
        st.step("tre", "Tre", []),
        st.step("fyra", "Fyra", []),                        # past step_count 3
        {"kind": "step", "name": "smuggel", "label": "S", "fields": [], "extra": "<script>"},
    ]
