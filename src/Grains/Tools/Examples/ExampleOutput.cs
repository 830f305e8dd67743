using System.Text.RegularExpressions;
using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Grains.Tools.Examples;

/// <summary>
/// A run's result as comparable text (docs/adr/0012-worked-examples.md): one line per piece a teacher would
/// notice, so that an expected result and a new output compare line by line and a diff reads well. Blocks give
/// their kind and content (a table one line per row, an offered step its name and label); an HTML result one line per tag boundary; artifacts their
/// name, size and SHA-256. Logs, times and run ids are left out: they differ on every run.
/// </summary>
public static partial class ExampleOutput
{
    /// <summary>Most diff lines kept for one check (the rest is summarized in one line).</summary>
    public const int MaxDiffLines = 400;

    [GeneratedRegex(@">\s*<")]
    private static partial Regex TagBoundary();

    public static string Normalize(RunOutput output)
    {
        var lines = new List<string>();
        if (output.Blocks.Count > 0)
        {
            foreach (var block in output.Blocks)
            {
                AddBlock(lines, block);
            }
        }
        else if (output.Html.Length > 0)
        {
            lines.AddRange(TagBoundary().Replace(output.Html.Replace("\r\n", "\n"), ">\n<")
                .Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
        }
        lines.AddRange(output.Artifacts.OrderBy(a => a.Name, StringComparer.Ordinal)
            .Select(a => $"[fil] {a.Name} ({a.Bytes} byte, sha256 {a.Sha256})"));
        return string.Join('\n', lines);
    }

    private static void AddBlock(List<string> lines, OutputBlock block)
    {
        var title = block.Title.Length > 0 ? $" {block.Title}" : "";
        switch (block.Kind)
        {
            case OutputBlockKind.Table:
                lines.Add($"[tabell{title}] {string.Join(" | ", block.Columns)}");
                lines.AddRange(block.Rows.Select(r => "  " + string.Join(" | ", r.Select(c => c.Text))));
                if (block.RowsTotal > block.Rows.Count)
                {
                    lines.Add($"  … {block.RowsTotal} rader totalt");
                }
                break;
            case OutputBlockKind.Notice:
                lines.Add($"[meddelande {block.Level.ToString().ToLowerInvariant()}{title}] {Flat(block.Text)}");
                break;
            case OutputBlockKind.Step when block.Step is { } step:
                // An offered step by its name and label: a step that is no longer offered is a change a teacher notices.
                lines.Add($"[steg {step.Name}] {Flat(step.Label)}");
                break;
            case OutputBlockKind.Image:
                lines.Add($"[bild{title}] {block.Artifact} {Flat(block.Text)}".TrimEnd());
                break;
            default:
                var kind = block.Kind == OutputBlockKind.Markdown ? "markdown" : "html";
                lines.Add($"[{kind}{title}]");
                lines.AddRange(block.Text.Replace("\r\n", "\n").Split('\n').Select(l => "  " + l.TrimEnd()).Where(l => l.Trim().Length > 0));
                break;
        }
    }

    private static string Flat(string text) => text.Replace("\r\n", " ").Replace('\n', ' ').Trim();

    /// <summary>The line diff expected → actual: "- " only expected, "+ " only actual, "  " both.</summary>
    public static IReadOnlyList<string> Diff(string expected, string actual)
    {
        var model = InlineDiffBuilder.Diff(new Differ(), expected, actual, ignoreWhiteSpace: false);
        var lines = model.Lines.Select(l => l.Type switch
        {
            ChangeType.Inserted => "+ " + l.Text,
            ChangeType.Deleted => "- " + l.Text,
            _ => "  " + l.Text,
        }).ToList();
        return lines.Count <= MaxDiffLines ? lines : [.. lines.Take(MaxDiffLines), $"… {lines.Count - MaxDiffLines} rader till"];
    }
}
