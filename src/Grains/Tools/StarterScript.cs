namespace Skriptoteket.Grains.Tools;

/// <summary>The working script a new tool's first draft starts from: a CSV file shown as an HTML table.</summary>
public static class StarterScript
{
    public const string Entrypoint = "run_tool";

    public const string Source = """
        import csv
        import html


        def run_tool(input_path: str, output_dir: str) -> str:
            # Läser en CSV-fil (komma, semikolon eller tab) och visar den som en tabell.
            with open(input_path, newline="", encoding="utf-8-sig") as f:
                sample = f.read(4096)
                f.seek(0)
                try:
                    dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
                except csv.Error:
                    dialect = csv.excel
                rows = list(csv.reader(f, dialect))
            if not rows:
                return "<p>Filen är tom.</p>"
            head, body = rows[0], rows[1:]
            header = "".join(f"<th>{html.escape(cell)}</th>" for cell in head)
            lines = "".join(
                "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>" for row in body
            )
            return (
                f"<p>{len(body)} rader.</p>"
                f"<table><thead><tr>{header}</tr></thead><tbody>{lines}</tbody></table>"
            )

        """;
}
