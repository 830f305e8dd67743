"""Runs into every block cap of job.json; the last blocks are past block_count."""
import skriptoteket as st


def run_tool(input_path, output_dir):
    rows = [["x" * 1000] * 80 for _ in range(5000)]
    return [
        st.table(["k%d" % i for i in range(80)], rows),
        st.notice("n" * 100_000, level="bogus"),
        st.markdown("m" * 100_000),
        st.html("<p>" + "å" * 100 + "</p>"),
        st.html("<p>more html past the shared html cap</p>"),
    ] + [st.notice("extra")] * 1000
