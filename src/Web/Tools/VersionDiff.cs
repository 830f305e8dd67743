using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

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

    public static string CssClass(ChangeType type) => type switch
    {
        ChangeType.Inserted => "diff-inserted",
        ChangeType.Deleted => "diff-deleted",
        ChangeType.Modified => "diff-modified",
        ChangeType.Imaginary => "diff-empty",
        _ => "",
    };
}
