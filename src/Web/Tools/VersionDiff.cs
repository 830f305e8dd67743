using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Skriptoteket.Grains.Abstractions.Tools;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;

namespace Skriptoteket.Web.Tools;

/// <summary>A side-by-side line diff of two versions' sources (DiffPlex).</summary>
public static class VersionDiff
{
    public sealed record Row(int? OldNumber, string OldText, ChangeType OldType, int? NewNumber, string NewText, ChangeType NewType);

    public static IReadOnlyList<Row> SideBySide(string oldSource, string newSource)
    {
        var model = new SideBySideDiffBuilder(new Differ()).BuildDiffModel(oldSource, newSource, ignoreWhitespace: false);
        return model.OldText.Lines.Zip(model.NewText.Lines, (o, n) =>
            new Row(o.Position, o.Text ?? "", o.Type, n.Position, n.Text ?? "", n.Type)).ToList();
    }

    /// <summary>
    /// Two versions' content side by side: the source and, when either declares fields or files, their
    /// declarations (inputs.json) below it, so a changed field shows in the diff like a changed line.
    /// </summary>
    public static IReadOnlyList<Row> Of(ToolVersion older, ToolVersion newer) =>
        older.Header.Declared.IsLegacy && newer.Header.Declared.IsLegacy
            ? SideBySide(older.Source, newer.Source)
            : SideBySide(WithInputs(older), WithInputs(newer));

    private static string WithInputs(ToolVersion v) =>
        v.Source.TrimEnd('\n') + "\n\n# ---- " + VersionExport.InputsEntry + " ----\n" + ToolInputsJson.Write(v.Header.Declared, indented: true);

    public static string CssClass(ChangeType type) => type switch
    {
        ChangeType.Inserted => "diff-inserted",
        ChangeType.Deleted => "diff-deleted",
        ChangeType.Modified => "diff-modified",
        ChangeType.Imaginary => "diff-empty",
        _ => "",
    };
}
