using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Web.Api.Runs;

/// <summary>
/// A run as the JSON API shows it: states and kinds spelled as in SPEC §6 ("timed_out", "sandbox"); the fields
/// of its <see cref="RunOutput"/> stay at the top level, as the API has always shown them.
/// </summary>
public sealed record RunResponse(
    Guid RunId,
    string Kind,
    string Status,
    bool IsFinished,
    Guid ToolId,
    Guid VersionId,
    Guid RequestedBy,
    int? QueuePosition,
    string Html,
    string Stdout,
    string Stderr,
    string? ErrorSummary,
    bool OutputTruncated,
    IReadOnlyList<RunArtifact> Artifacts,
    IReadOnlyList<SkippedArtifact> SkippedArtifacts,
    IReadOnlyList<RunInputInfo> Inputs,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Silo)
{
    /// <summary>The result as output blocks (protocol v2); empty when the script returned HTML.</summary>
    public IReadOnlyList<OutputBlock> Blocks { get; init; } = [];

    /// <summary>Blocks past the caps were left out.</summary>
    public bool BlocksTruncated { get; init; }

    /// <summary>The failure's exception type and message: only for the run's author (sandbox) and admins.</summary>
    public string? ErrorDetail { get; init; }

    /// <summary>The tool session the run is part of (docs/adr/0016-tool-sessions.md), and the step it took (null: the opening run).</summary>
    public string? SessionKey { get; init; }

    public string? StepName { get; init; }

    public static RunResponse From(RunInfo r) => new(
        r.RunId, RunSpelling.Kind(r.Kind), RunSpelling.Status(r.Status), r.IsFinished, r.ToolId,
        r.VersionId, r.RequestedBy, r.QueuePosition, r.Output.Html, r.Output.Stdout, r.Output.Stderr,
        r.Output.ErrorSummary, r.Output.Truncated, r.Output.Artifacts, r.Output.SkippedArtifacts, r.Inputs,
        r.CreatedAt, r.StartedAt, r.FinishedAt, r.Silo)
    {
        Blocks = r.Output.Blocks,
        BlocksTruncated = r.Output.BlocksTruncated,
        ErrorDetail = r.Output.ErrorDetail,
        SessionKey = r.SessionKey,
        StepName = r.StepName,
    };
}
