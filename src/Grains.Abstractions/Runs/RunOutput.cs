namespace Skriptoteket.Grains.Abstractions.Runs;

/// <summary>
/// What a run produced, in the one shape it has from the result tar to the page (docs/adr/0007): text and output
/// blocks already capped and storable, the artifact manifest (the bytes stay on disk) and what was skipped. Empty
/// until the run finishes.
/// </summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.RunOutput")]
public sealed record RunOutput(
    [property: Id(0)] string Html,
    [property: Id(1)] bool HtmlTruncated,
    [property: Id(2)] string Stdout,
    [property: Id(3)] bool StdoutTruncated,
    [property: Id(4)] string Stderr,
    [property: Id(5)] bool StderrTruncated,
    [property: Id(6)] string? ErrorSummary,
    [property: Id(7)] IReadOnlyList<RunArtifact> Artifacts,
    [property: Id(8)] IReadOnlyList<SkippedArtifact> SkippedArtifacts)
{
    public static RunOutput None { get; } = new("", false, "", false, "", false, null, [], []);

    /// <summary>The result as output blocks (protocol v2, a script returning a list); empty for an HTML result.</summary>
    [Id(9)]
    public IReadOnlyList<OutputBlock> Blocks { get; init; } = [];

    /// <summary>Blocks past the block count or total size cap were left out.</summary>
    [Id(10)]
    public bool BlocksTruncated { get; init; }

    /// <summary>
    /// The failure as the author must see it (exception type and message; the traceback is in stderr). Only for
    /// those who may see the logs: <see cref="ErrorSummary"/> is what a teacher reads.
    /// </summary>
    [Id(11)]
    public string? ErrorDetail { get; init; }

    /// <summary>
    /// The state the script kept for its session's next step (protocol v3, <c>st.state</c>, a JSON object of at most
    /// <see cref="Sessions.SessionLimits.MaxStateBytes"/>); null when the script kept none.
    /// </summary>
    [Id(12)]
    public string? SessionStateJson { get; init; }

    /// <summary>Artifacts the script marked to keep for the session's later steps (their names in the manifest).</summary>
    [Id(13)]
    public IReadOnlyList<string> KeptFiles { get; init; } = [];

    /// <summary>How many steps the script says its session has, when it says so ("Steg 2 av 3").</summary>
    [Id(14)]
    public int? StepsTotal { get; init; }

    /// <summary>The follow-up steps the run offers (its step blocks).</summary>
    public IEnumerable<Sessions.NextStep> NextSteps => Blocks.Where(b => b.Step is not null).Select(b => b.Step!);

    /// <summary>No output, only a message for the person who started the run.</summary>
    public static RunOutput Message(string errorSummary) => None with { ErrorSummary = errorSummary };

    /// <summary>Some text was cut at its cap (the page says so).</summary>
    public bool Truncated => HtmlTruncated || StdoutTruncated || StderrTruncated || BlocksTruncated
                             || Blocks.Any(b => b.Truncated);
}
