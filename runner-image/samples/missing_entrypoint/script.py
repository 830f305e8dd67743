def main(input_path, output_dir):
    return "wrong name"
