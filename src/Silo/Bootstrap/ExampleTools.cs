using System.Text;
using System.Text.Json;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Tools.Examples;

namespace Skriptoteket.Silo.Bootstrap;

/// <summary>
/// One shipped example tool as embedded in the host (examples/tools/&lt;slug&gt;/: tool.json, script.py and the
/// files of its worked examples). tool.json's "inputs" and "examples" follow the fields declaration format.
/// </summary>
internal sealed record ExampleTool(
    string Slug, string Title, string Summary, string UsageMarkdown, IReadOnlyList<string> Professions,
    IReadOnlyList<string> Categories, string Source, string? InputsJson)
{
    /// <summary>The worked examples of tool.json "examples": a name, the field values, the files they use and the steps they take.</summary>
    public IReadOnlyList<NewExample> Examples { get; init; } = [];

    private const string Prefix = "examples/tools/";

    /// <summary>Every example tool embedded in the Silo assembly, in slug order.</summary>
    public static IReadOnlyList<ExampleTool> LoadAll()
    {
        var assembly = typeof(ExampleTool).Assembly;
        var slugs = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith("/tool.json", StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..^"/tool.json".Length])
            .Order(StringComparer.Ordinal);
        return [.. slugs.Select(slug =>
        {
            var tool = From(Read(slug, "tool.json"), Read(slug, "script.py"));
            return tool with { Examples = ExamplesOf(Read(slug, "tool.json"), file => Bytes(slug, file)) };
        })];

        byte[] Bytes(string slug, string file)
        {
            using var stream = assembly.GetManifestResourceStream(Prefix + slug + "/" + file)
                ?? throw new InvalidOperationException($"Example tool {slug} lacks {file}.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }

        string Read(string slug, string file)
        {
            using var stream = assembly.GetManifestResourceStream(Prefix + slug + "/" + file)
                ?? throw new InvalidOperationException($"Example tool {slug} lacks {file}.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return reader.ReadToEnd();
        }
    }

    private static IReadOnlyList<NewExample> ExamplesOf(string toolJson, Func<string, byte[]> file)
    {
        using var doc = JsonDocument.Parse(toolJson);
        return doc.RootElement.TryGetProperty("examples", out var examples)
            ? [.. examples.EnumerateArray().Select(e => new NewExample(
                e.GetProperty("name").GetString()!,
                e.TryGetProperty("fields", out var fields) ? fields.GetRawText() : null,
                e.TryGetProperty("files", out var files)
                    ? [.. files.EnumerateArray().Select(f => new RunInputFile(f.GetString()!, file(f.GetString()!)))]
                    : [])
            {
                // The follow-up steps its checks take after the first run (docs/adr/0012-worked-examples.md).
                Steps = e.TryGetProperty("steps", out var steps)
                    ? [.. steps.EnumerateArray().Select(s => new ExampleStep(s.GetProperty("step").GetString()!,
                        s.TryGetProperty("values", out var values) ? values.GetRawText() : "{}"))]
                    : [],
            })]
            : [];
    }

    private static ExampleTool From(string toolJson, string source)
    {
        using var doc = JsonDocument.Parse(toolJson);
        var r = doc.RootElement;
        return new ExampleTool(
            r.GetProperty("slug").GetString()!, r.GetProperty("title").GetString()!, r.GetProperty("summary").GetString()!,
            r.GetProperty("usage_md").GetString()!,
            [.. r.GetProperty("professions").EnumerateArray().Select(e => e.GetString()!)],
            [.. r.GetProperty("categories").EnumerateArray().Select(e => e.GetString()!)],
            source,
            r.TryGetProperty("inputs", out var inputs) ? inputs.GetRawText() : null);
    }
}
