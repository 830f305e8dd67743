namespace Skriptoteket.Grains.Abstractions.Runs;

/// <summary>
/// The platform's own failure sentences as a run's <c>error_summary</c> stores them (Swedish, fixed). Anything else in
/// the summary of a failed run is the author's own words (<c>ToolUserError</c>, <c>sys.exit("…")</c>). The run page
/// says these from the resources (Web's RunFailureText); the insights tell them apart from the author's words.
/// </summary>
public static class PlatformFailureText
{
    /// <summary>The container was killed for memory (runner-image MSG_OOM, and the host's own OOM check).</summary>
    public const string OutOfMemory = "Skriptet avbröts (troligen för mycket minne).";

    /// <summary>The script raised MemoryError (runner-image MSG_MEMORY).</summary>
    public const string MemoryError = "Skriptet fick slut på minne (MemoryError).";

    /// <summary>The platform could not finish the run (container, queue or host trouble).</summary>
    public const string InternalError = "Körningen kunde inte slutföras på grund av ett internt fel.";

    /// <summary>The start of <see cref="RunReference.UnexpectedFailure"/>, before the run's reference.</summary>
    public const string UnexpectedPrefix = "Verktyget stötte på ett oväntat fel.";
}
