def run_tool(input_path, output_dir):
    raise KeyError("hemlig kolumn")
