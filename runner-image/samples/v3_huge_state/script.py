import skriptoteket as st


def run_tool(input_path, output_dir):
    st.state["stor"] = "x" * 70000
    return [st.notice("klar"), st.step("nasta", "Nästa", [])]
