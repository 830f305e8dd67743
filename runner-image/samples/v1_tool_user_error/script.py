import skriptoteket


def run_tool(input_path, output_dir):
    if skriptoteket.fields != {}:
        return "fields in v1"
    return ["a list is not HTML in protocol v1"]
