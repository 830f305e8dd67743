namespace Skriptoteket.Grains.Tools;

/// <summary>
/// The working script a new tool's first draft starts from (SPEC §5): it uses the helper module `skriptoteket`
/// (runner-image/lib) the way a tool should: reads the chosen file and a field, answers bad input with a
/// ToolUserError the teacher can act on, and returns a notice and a table. Runs green in the sandbox with a CSV.
/// </summary>
public static class StarterScript
{
    public const string Entrypoint = Abstractions.Validation.ScriptEntrypoint.Default;

    public const string Source = """
        import csv

        import skriptoteket as st


        def run_tool(input_path, output_dir):
            # Läser den valda CSV-filen (komma, semikolon eller tab) och visar den som en tabell.
            # Hjälp för skript (Alt+Skift+H) visar allt i st; skriv st. för förslag.
            filer = st.input_files()
            if not filer:
                raise st.ToolUserError("Välj en CSV-fil.")
            fil = filer[0]
            # Ett fält som du lägger till under "Fält och filer" läses med st.field(namn, standardvärde).
            rubrik = st.field("rubrik", fil.name)
            try:
                with open(fil.path, newline="", encoding="utf-8-sig") as f:
                    prov = f.read(4096)
                    f.seek(0)
                    try:
                        dialekt = csv.Sniffer().sniff(prov, delimiters=",;\t")
                    except csv.Error:
                        dialekt = csv.excel
                    rader = list(csv.reader(f, dialekt))
            except UnicodeDecodeError:
                raise st.ToolUserError(f"{fil.name} är inte en textfil i UTF-8. Spara den som CSV (UTF-8) och försök igen.")
            if not rader:
                raise st.ToolUserError(f"{fil.name} är tom.")
            rubriker, data = rader[0], rader[1:]
            return [
                st.notice(f"{len(data)} rader i {fil.name}."),
                st.table(rubriker, data, title=rubrik),
            ]

        """;
}
