using System.Text.RegularExpressions;
using Skriptoteket.Grains.Abstractions.Errors;

namespace Skriptoteket.Grains.Runs;

/// <summary>What unsaved editor text must satisfy before it runs in the sandbox: the same limits a save has.</summary>
public static partial class RunSnapshotRules
{
    public const int MaxSourceLength = 1_000_000;

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,99}$")]
    private static partial Regex EntrypointFormat();

    /// <summary>The entrypoint to use (trimmed; "run_tool" when empty); refuses an oversized text or a bad name.</summary>
    public static string Check(string source, string? entrypoint)
    {
        var name = string.IsNullOrWhiteSpace(entrypoint) ? "run_tool" : entrypoint.Trim();
        if (!EntrypointFormat().IsMatch(name))
        {
            throw DomainException.Invalid("Startfunktionen måste vara ett giltigt Python-namn.");
        }
        if (source.Length > MaxSourceLength)
        {
            throw DomainException.Invalid("Skriptet är för stort (högst 1 000 000 tecken).");
        }
        return name;
    }
}
