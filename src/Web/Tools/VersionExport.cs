using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Skriptoteket.Grains.Abstractions.Tools;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;

namespace Skriptoteket.Web.Tools;

/// <summary>
/// A version as a zip: the script ({slug}.py), inputs.json (its declared fields and files, ToolInputsJson) and
/// metadata.json (tool metadata and the version header). <see cref="VersionImport"/> reads the same zip back.
/// </summary>
public static class VersionExport
{
    public const string InputsEntry = "inputs.json";
    public const string MetadataEntry = "metadata.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static byte[] CreateZip(ToolInfo tool, ToolVersion version)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, $"{tool.Metadata.Slug}.py", version.Source);
            Write(zip, InputsEntry, ToolInputsJson.Write(version.Header.Declared, indented: true));
            Write(zip, MetadataEntry, JsonSerializer.Serialize(new
            {
                tool = new { tool.Id, tool.Metadata.Slug, tool.Metadata.Title, tool.Metadata.Summary, tool.Metadata.UsageMarkdown,
                    tool.Metadata.Professions, tool.Metadata.Categories },
                version = version.Header with { Inputs = null },
            }, Json));
        }
        return buffer.ToArray();
    }

    private static void Write(ZipArchive zip, string name, string text)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }
}
