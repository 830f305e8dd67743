namespace Skriptoteket.Grains.Abstractions.Insights;

/// <summary>Why a finished run did not succeed, as the insights count it (docs/execution.md, "Insights").</summary>
public enum FailureKind
{
    /// <summary>The author's own words: <c>ToolUserError</c> or <c>sys.exit("…")</c>.</summary>
    UserError,
    /// <summary>The script failed in a way its author did not describe (the generic message with a reference).</summary>
    ScriptError,
    /// <summary>The platform could not finish the run (internal error).</summary>
    PlatformError,
    TimeLimit,
    MemoryLimit,
    Canceled,
    Interrupted,
}
