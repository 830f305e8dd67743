using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Tools;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;
using Skriptoteket.Grains.Abstractions.Validation;

namespace Skriptoteket.Web.Tools;

/// <summary>
/// Reads a zip made by <see cref="VersionExport"/> into a save: the one .py file, the entrypoint from
/// metadata.json and the declaration from inputs.json (without it: run contract v1's). The tool grain validates
/// the result like any save; here only the zip's shape is checked, with bounded reads.
/// </summary>
public static class VersionImport
{
    /// <summary>Largest zip accepted (a source of 1 M characters compresses well below this).</summary>
    public const int MaxZipBytes = 8 * 1024 * 1024;

    public static SaveVersionCommand Read(byte[] zipBytes, Guid baseVersionId, string? changeSummary)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(zipBytes), ZipArchiveMode.Read);
            var scripts = zip.Entries.Where(e => e.FullName.EndsWith(".py", StringComparison.OrdinalIgnoreCase)).ToList();
            if (scripts.Count != 1)
            {
                throw DomainException.Invalid("Zip-filen måste innehålla exakt ett skript (.py).", "Zip.OneScript");
            }
            var source = Text(scripts[0], TextLimits.Source * 4);
            var inputs = zip.GetEntry(VersionExport.InputsEntry) is { } inputsEntry
                ? ToolInputsJson.Read(Text(inputsEntry, 1024 * 1024))
                : ToolInputs.Legacy;
            return new SaveVersionCommand(baseVersionId, source, EntrypointOf(zip), changeSummary, inputs);
        }
        catch (InvalidDataException)
        {
            throw DomainException.Invalid("Filen är inte en läsbar zip-fil.", "Zip.Unreadable");
        }
    }

    private static string? EntrypointOf(ZipArchive zip)
    {
        if (zip.GetEntry(VersionExport.MetadataEntry) is not { } entry)
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(Text(entry, 4 * 1024 * 1024));
            return document.RootElement.TryGetProperty("version", out var version)
                   && version.TryGetProperty("entrypoint", out var entrypoint) && entrypoint.ValueKind == JsonValueKind.String
                ? entrypoint.GetString()
                : null;
        }
        catch (JsonException)
        {
            throw DomainException.Invalid("metadata.json i zip-filen är inte giltig JSON.", "Zip.MetadataInvalid");
        }
    }

    private static string Text(ZipArchiveEntry entry, int maxBytes)
    {
        using var stream = entry.Open();
        var buffer = new byte[maxBytes + 1];
        var read = 0;
        int n;
        while (read <= maxBytes && (n = stream.Read(buffer, read, buffer.Length - read)) > 0)
        {
            read += n;
        }
        if (read > maxBytes)
        {
            throw DomainException.Invalid($"\"{entry.FullName}\" i zip-filen är för stor.", "Zip.EntryTooLarge", entry.FullName);
        }
        return new UTF8Encoding(false, true).GetString(buffer, 0, read);
    }
}
