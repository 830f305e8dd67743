def run_tool(input_path, output_dir):
    raise ValueError("Kolumnen 'namn' saknas i filen")
