using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Web.Api.Runs;

/// <summary>
/// A run as the JSON API shows it: the <see cref="RunInfo"/> record read through, with the fields of its
/// <see cref="RunOutput"/> at the top level as the API has always shown them. Kind and status are the domain's
/// enums, spelled by the host's JSON options as in SPEC §6 ("timed_out", "example_check"). The list is explicit on
/// purpose: what the record holds for the grain and the pages only (the snapshot's source, the field values, the
/// session's state) stays out of the API until someone adds it here. The init accessors are there for the OpenAPI
/// document only: without a setter it cannot tell that a property is never null.
/// </summary>
public sealed class RunResponse(RunInfo run)
{
    public Guid RunId { get; init; } = run.RunId;
    public RunKind Kind { get; init; } = run.Kind;
    public RunStatus Status { get; init; } = run.Status;
    public bool IsFinished { get; init; } = run.IsFinished;
    public Guid ToolId { get; init; } = run.ToolId;
    public Guid VersionId { get; init; } = run.VersionId;
    public Guid RequestedBy { get; init; } = run.RequestedBy;
    public int? QueuePosition { get; init; } = run.QueuePosition;
    public string Html { get; init; } = run.Output.Html;
    public string Stdout { get; init; } = run.Output.Stdout;
    public string Stderr { get; init; } = run.Output.Stderr;
    public string? ErrorSummary { get; init; } = run.Output.ErrorSummary;
    public bool OutputTruncated { get; init; } = run.Output.Truncated;
    public IReadOnlyList<RunArtifact> Artifacts { get; init; } = run.Output.Artifacts;
    public IReadOnlyList<SkippedArtifact> SkippedArtifacts { get; init; } = run.Output.SkippedArtifacts;
    public IReadOnlyList<RunInputInfo> Inputs { get; init; } = run.Inputs;
    public DateTimeOffset CreatedAt { get; init; } = run.CreatedAt;
    public DateTimeOffset? StartedAt { get; init; } = run.StartedAt;
    public DateTimeOffset? FinishedAt { get; init; } = run.FinishedAt;
    public string? Silo { get; init; } = run.Silo;

    /// <summary>The result as output blocks (protocol v2); empty when the script returned HTML.</summary>
    public IReadOnlyList<OutputBlock> Blocks { get; init; } = run.Output.Blocks;

    /// <summary>Blocks past the caps were left out.</summary>
    public bool BlocksTruncated { get; init; } = run.Output.BlocksTruncated;

    /// <summary>The failure's exception type and message: only for the run's author (sandbox) and admins.</summary>
    public string? ErrorDetail { get; init; } = run.Output.ErrorDetail;

    /// <summary>The tool session the run is part of (docs/adr/0016-tool-sessions.md), and the step it took (null: the opening run).</summary>
    public string? SessionKey { get; init; } = run.SessionKey;

    public string? StepName { get; init; } = run.StepName;

    public static RunResponse From(RunInfo run) => new(run);
}
