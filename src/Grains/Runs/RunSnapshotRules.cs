using System.Text.RegularExpressions;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Validation;

namespace Skriptoteket.Grains.Runs;

/// <summary>What unsaved editor text must satisfy before it runs in the sandbox: the same limits a save has (TextLimits).</summary>
public static partial class RunSnapshotRules
{
    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]{0,99}\z")]
    private static partial Regex EntrypointFormat();

    /// <summary>The entrypoint to use (trimmed; "run_tool" when empty); refuses an oversized text or a bad name.</summary>
    public static string Check(string source, string? entrypoint)
    {
        var name = string.IsNullOrWhiteSpace(entrypoint) ? "run_tool" : entrypoint.Trim();
        if (!EntrypointFormat().IsMatch(name))
        {
            throw DomainException.Invalid("Startfunktionen måste vara ett giltigt Python-namn.", "Script.EntrypointInvalid");
        }
        TextRules.WithinLength(source, "Skriptet", TextLimits.Source);
        return name;
    }
}
