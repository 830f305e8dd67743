using Skriptoteket.Grains.Abstractions.Validation;

namespace Skriptoteket.Grains.Runs;

/// <summary>What unsaved editor text must satisfy before it runs in the sandbox: the same limits a save has (TextLimits).</summary>
public static class RunSnapshotRules
{
    /// <summary>The entrypoint to use (trimmed; "run_tool" when empty); refuses an oversized text or a bad name.</summary>
    public static string Check(string source, string? entrypoint)
    {
        var name = ScriptEntrypoint.Checked(string.IsNullOrWhiteSpace(entrypoint) ? ScriptEntrypoint.Default : entrypoint.Trim());
        TextRules.WithinLength(source, "Skriptet", TextLimits.Source);
        return name;
    }
}
