import json


def main(input_path, output_dir):
    with open("/work/input/manifest.json") as f:
        manifest = json.load(f)
    names = [m["name"] for m in manifest]
    with open(input_path, encoding="utf-8") as f:
        first = f.read().strip()
    return f"{first}|{','.join(names)}|{manifest[0]['bytes']}"
