using System.Globalization;
using System.Text;
using System.Text.Json;
using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Grains.Execution;

/// <summary>
/// Reads the output blocks of a protocol v2/v3 result.json. The wrapper already capped them, but they come out of an
/// untrusted container, so every cap is applied again here (ExecutionOptions) and anything malformed is dropped.
/// Step blocks (v3) are read by <see cref="RunnerResultSteps"/>.
/// </summary>
internal static class RunnerResultBlocks
{
    private static readonly string[] ImageExtensions = [".png", ".jpg", ".jpeg", ".gif", ".webp"];

    /// <summary>The blocks within the caps, and whether any were left out.</summary>
    public static (IReadOnlyList<OutputBlock> Blocks, bool Truncated) Read(
        JsonElement result, ExecutionOptions options, IReadOnlySet<string> artifactNames)
    {
        var blocks = new List<OutputBlock>();
        var truncated = result.TryGetProperty("blocks_truncated", out var t) && t.ValueKind == JsonValueKind.True;
        if (!result.TryGetProperty("blocks", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return (blocks, truncated);
        }
        long bytes = 0;
        var htmlLeft = options.HtmlCapBytes;
        var steps = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in list.EnumerateArray())
        {
            if (blocks.Count >= options.BlockCountCap)
            {
                return (blocks, true);
            }
            if (Block(raw, options, artifactNames, steps, ref htmlLeft) is not { } block)
            {
                truncated = true;
                continue;
            }
            // Measured as the wrapper measures it (the block's JSON as written in result.json), so a result the
            // wrapper fitted under the cap is kept whole here.
            bytes += Encoding.UTF8.GetByteCount(raw.GetRawText());
            if (bytes > options.BlocksBytesCap)
            {
                return (blocks, true);
            }
            blocks.Add(block);
        }
        return (blocks, truncated);
    }

    private static OutputBlock? Block(
        JsonElement raw, ExecutionOptions o, IReadOnlySet<string> artifacts, HashSet<string> steps, ref int htmlLeft)
    {
        if (raw.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var cut = Flag(raw, "truncated");
        switch (Text(raw, "kind"))
        {
            case "notice":
            {
                var (text, c) = Chars(Text(raw, "text"), o.NoticeCharsCap);
                var level = Text(raw, "level") switch { "warning" => NoticeLevel.Warning, "error" => NoticeLevel.Error, _ => NoticeLevel.Info };
                return new OutputBlock(OutputBlockKind.Notice, text, cut || c) { Level = level };
            }
            case "markdown":
            {
                var (text, c) = Chars(Text(raw, "text"), o.MarkdownCharsCap);
                return new OutputBlock(OutputBlockKind.Markdown, text, cut || c);
            }
            case "html":
            {
                var (html, c) = RunnerResultTar.Cap(Encoding.UTF8.GetBytes(Text(raw, "html")), Math.Max(0, htmlLeft));
                htmlLeft -= Encoding.UTF8.GetByteCount(html);
                return new OutputBlock(OutputBlockKind.Html, html, cut || c);
            }
            case "image":
            {
                var name = Text(raw, "artifact");
                var (alt, _) = Chars(Text(raw, "alt"), o.TitleCharsCap);
                var isImage = ImageExtensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase));
                return artifacts.Contains(name) && isImage
                    ? new OutputBlock(OutputBlockKind.Image, alt, false) { Artifact = name }
                    : new OutputBlock(OutputBlockKind.Notice, $"Bilden {RunnerResultTar.Clip(name, 100)} kunde inte visas.", false)
                    { Level = NoticeLevel.Warning };
            }
            case "table":
                return Table(raw, o, cut);
            case "step":
                return RunnerResultSteps.Read(raw, o, steps);
            default:
                return null;
        }
    }

    private static OutputBlock Table(JsonElement raw, ExecutionOptions o, bool cut)
    {
        var columns = new List<string>();
        if (raw.TryGetProperty("columns", out var cols) && cols.ValueKind == JsonValueKind.Array)
        {
            foreach (var c in cols.EnumerateArray())
            {
                if (columns.Count >= o.TableColumnsCap)
                {
                    cut = true;
                    break;
                }
                var (name, nameCut) = Chars(c.ValueKind == JsonValueKind.String ? c.GetString()! : c.ToString(), o.CellCharsCap);
                columns.Add(name);
                cut |= nameCut;
            }
        }
        var rows = new List<IReadOnlyList<TableCell>>();
        var total = 0;
        if (raw.TryGetProperty("rows", out var rowsJson) && rowsJson.ValueKind == JsonValueKind.Array)
        {
            foreach (var row in rowsJson.EnumerateArray())
            {
                total++;
                if (rows.Count >= o.TableRowsCap || row.ValueKind != JsonValueKind.Array)
                {
                    cut = true;
                    continue;
                }
                var cells = new List<TableCell>(columns.Count);
                foreach (var v in row.EnumerateArray())
                {
                    if (cells.Count >= columns.Count)
                    {
                        cut = true;
                        break;
                    }
                    var (cell, cellCut) = Cell(v, o.CellCharsCap);
                    cells.Add(cell);
                    cut |= cellCut;
                }
                while (cells.Count < columns.Count)
                {
                    cells.Add(new TableCell(""));
                }
                rows.Add(cells);
            }
        }
        if (raw.TryGetProperty("rows_total", out var given) && given.TryGetInt32(out var n) && n > total)
        {
            total = n;
        }
        var (title, titleCut) = Chars(Text(raw, "title"), o.TitleCharsCap);
        return new OutputBlock(OutputBlockKind.Table, "", cut || titleCut || total > rows.Count)
        {
            Title = title,
            Columns = columns,
            Rows = rows,
            RowsTotal = total,
        };
    }

    private static (TableCell Cell, bool Cut) Cell(JsonElement v, int cap)
    {
        switch (v.ValueKind)
        {
            case JsonValueKind.Number when v.TryGetDouble(out var d) && double.IsFinite(d):
                return (new TableCell(d.ToString("R", CultureInfo.InvariantCulture), d), false);
            case JsonValueKind.True:
                return (new TableCell("Ja"), false);
            case JsonValueKind.False:
                return (new TableCell("Nej"), false);
            case JsonValueKind.String:
                var (text, cut) = Chars(v.GetString()!, cap);
                return (new TableCell(text), cut);
            case JsonValueKind.Null:
                return (new TableCell(""), false);
            default:
                return (new TableCell(""), true);
        }
    }

    /// <summary>
    /// At most <paramref name="cap"/> characters, storable: NUL and lone surrogates (JSON can carry "\ud800",
    /// which PostgreSQL's jsonb and Npgsql's encoder refuse) become U+FFFD.
    /// </summary>
    internal static (string Text, bool Cut) Chars(string text, int cap)
    {
        var clipped = RunnerResultTar.Clip(text, cap);
        var builder = new StringBuilder(clipped.Length);
        for (var i = 0; i < clipped.Length; i++)
        {
            var ch = clipped[i];
            if (char.IsHighSurrogate(ch) && i + 1 < clipped.Length && char.IsLowSurrogate(clipped[i + 1]))
            {
                builder.Append(ch).Append(clipped[++i]);
            }
            else
            {
                builder.Append(char.IsSurrogate(ch) ? '\uFFFD' : ch);
            }
        }
        return (builder.ToString(), text.Length > cap);
    }

    private static string Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    private static bool Flag(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
}
