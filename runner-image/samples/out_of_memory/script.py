def run_tool(input_path, output_dir):
    blocks = []
    while True:
        blocks.append(b"x" * (32 << 20))  # touched memory, far beyond the container's limit
