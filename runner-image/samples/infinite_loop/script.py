def run_tool(input_path, output_dir):
    print("startar")
    while True:
        pass
