import skriptoteket as st


def run_tool(input_path, output_dir):
    raise st.ToolUserError("Filen saknar kolumnen Namn.\nVälj en annan fil.")
