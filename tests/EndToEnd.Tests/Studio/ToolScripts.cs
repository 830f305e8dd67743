namespace Skriptoteket.EndToEnd.Tests.Studio;

/// <summary>The scripts the studio walk writes: a CSV summary with an xlsx download, tagged so results show which code ran.</summary>
internal static class ToolScripts
{
    public const string Csv = "namn,klass\nAnna,7A\nBo,7B\nCilla,7A\n";

    /// <summary>The script with <paramref name="tag"/> in its HTML; <paramref name="broken"/> leaves out a colon on line 5.</summary>
    public static string Summary(string tag, bool broken = false) =>
        "import csv\n" +
        "import openpyxl\n" +
        "\n" +
        "\n" +
        (broken ? "def run_tool(input_path, output_dir)\n" : "def run_tool(input_path, output_dir):\n") +
        "    with open(input_path, newline=\"\", encoding=\"utf-8\") as f:\n" +
        "        rows = list(csv.reader(f))\n" +
        "    book = openpyxl.Workbook()\n" +
        "    for row in rows:\n" +
        "        book.active.append(row)\n" +
        "    book.save(output_dir + \"/sammanstallning.xlsx\")\n" +
        "    print(f\"Läste {len(rows)} rader\")\n" +
        $"    return f\"<h2>Sammanställning</h2><p>{{len(rows) - 1}} elever ({tag})</p>\"\n";
}
