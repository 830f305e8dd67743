using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Web.Runs;

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
    public static RunResponse From(RunInfo r) => new(
        r.RunId, RunSpelling.Kind(r.Kind), RunSpelling.Status(r.Status), r.IsFinished, r.ToolId,
        r.VersionId, r.RequestedBy, r.QueuePosition, r.Output.Html, r.Output.Stdout, r.Output.Stderr,
        r.Output.ErrorSummary, r.Output.Truncated, r.Output.Artifacts, r.Output.SkippedArtifacts, r.Inputs,
        r.CreatedAt, r.StartedAt, r.FinishedAt, r.Silo);
}
