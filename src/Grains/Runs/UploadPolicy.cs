using System.Globalization;
using System.Text;
using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Grains.Runs;

/// <summary>Checks uploads against <see cref="UploadLimits"/> before any container starts and gives them safe, unique names.</summary>
public static class UploadPolicy
{
    /// <summary>Returns the files with safe, unique names, or throws the contract's validation error in Swedish.</summary>
    public static IReadOnlyList<RunInputFile> Check(IReadOnlyList<RunInputFile> files, UploadLimits limits)
    {
        limits.Check([.. files.Select(f => (f.FileName, f.Content.LongLength))]);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        return [.. files.Select(f => f with { FileName = Unique(SafeName(f.FileName), names) })];
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
}
