using System.Globalization;
using System.Text;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Grains.Runs;

/// <summary>Checks uploads before any container starts and reduces their names to safe, unique ones.</summary>
public static class UploadPolicy
{
    public static readonly IReadOnlySet<string> AllowedExtensions =
        new HashSet<string>(RunInputRules.AllowedExtensions, StringComparer.OrdinalIgnoreCase);

    public const int MaxFiles = RunInputRules.MaxFiles;

    /// <summary>Returns the files with safe names, or throws a validation error in Swedish.</summary>
    public static IReadOnlyList<RunInputFile> Check(IReadOnlyList<RunInputFile> files, long maxBytes)
    {
        if (files.Count > MaxFiles)
        {
            throw DomainException.Invalid($"Högst {MaxFiles} filer per körning.");
        }
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<RunInputFile>(files.Count);
        foreach (var file in files)
        {
            var extension = Path.GetExtension(file.FileName);
            if (!AllowedExtensions.Contains(extension))
            {
                throw DomainException.Invalid(
                    $"Filtypen för \"{Clip(file.FileName)}\" stöds inte. Tillåtna filtyper: csv, xlsx, docx, pdf, md, txt och py.");
            }
            if (file.Content.LongLength > maxBytes)
            {
                throw DomainException.Invalid(
                    $"Filen \"{Clip(file.FileName)}\" är för stor. Största tillåtna storlek är {maxBytes / (1024 * 1024)} MB.");
            }
            if (file.Content.Length == 0)
            {
                throw DomainException.Invalid($"Filen \"{Clip(file.FileName)}\" är tom.");
            }
            var safe = Unique(SafeName(file.FileName), names);
            result.Add(file with { FileName = safe });
        }
        return result;
    }

    /// <summary>Folder parts dropped, accents removed, anything outside [A-Za-z0-9._-] → '_', no leading dot, ≤ 100 chars.</summary>
    public static string SafeName(string fileName)
    {
        var name = fileName.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var extension = Path.GetExtension(name).ToLowerInvariant();
        var stem = Path.GetFileNameWithoutExtension(name);
        var builder = new StringBuilder();
        foreach (var c in stem.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        }
        var safeStem = builder.ToString().TrimStart('.');
        if (safeStem.Length == 0)
        {
            safeStem = "fil";
        }
        return safeStem[..Math.Min(safeStem.Length, 100 - extension.Length)] + extension;
    }

    private static string Unique(string name, HashSet<string> taken)
    {
        var candidate = name;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            candidate = $"{Path.GetFileNameWithoutExtension(name)}-{n}{Path.GetExtension(name)}";
        }
        return candidate;
    }

    private static string Clip(string text) => text.Length <= 80 ? text : text[..80];
}
