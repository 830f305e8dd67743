def run_tool(input_path, output_dir):
    return "hej"
