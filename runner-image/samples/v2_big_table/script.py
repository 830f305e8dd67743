"""A table far past blocks_bytes (default caps): its head is kept, the notice after it still fits."""
import skriptoteket as st


def run_tool(input_path, output_dir):
    rows = [["x" * 1000] * 80 for _ in range(5000)]
    return [st.table(["k%d" % i for i in range(80)], rows), st.notice("efter tabellen")]
