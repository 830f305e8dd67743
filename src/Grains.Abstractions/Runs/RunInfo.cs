namespace Skriptoteket.Grains.Abstractions.Runs;

/// <summary>The full record of one run as shown to someone allowed to see it.</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.RunInfo")]
public sealed record RunInfo(
    [property: Id(0)] Guid RunId,
    [property: Id(1)] RunKind Kind,
    [property: Id(2)] RunStatus Status,
    [property: Id(3)] Guid ToolId,
    [property: Id(4)] Guid VersionId,
    [property: Id(5)] Guid RequestedBy,
    [property: Id(6)] int? QueuePosition,
    [property: Id(7)] string Html,
    [property: Id(8)] string Stdout,
    [property: Id(9)] string Stderr,
    [property: Id(10)] string? ErrorSummary,
    [property: Id(11)] IReadOnlyList<RunArtifact> Artifacts,
    [property: Id(12)] IReadOnlyList<RunInputInfo> Inputs,
    [property: Id(13)] DateTimeOffset CreatedAt,
    [property: Id(14)] DateTimeOffset? StartedAt,
    [property: Id(15)] DateTimeOffset? FinishedAt,
    [property: Id(16)] string? Silo,
    [property: Id(17)] bool OutputTruncated,
    [property: Id(18)] IReadOnlyList<SkippedArtifact> SkippedArtifacts)
{
    public bool IsFinished => Status >= RunStatus.Succeeded;

    /// <summary>True when the run ran unsaved editor text (a snapshot) rather than the stored version.</summary>
    [Id(19)]
    public bool FromEditor { get; init; }

    /// <summary>The snapshot that ran (single-run reads only; lists leave it null).</summary>
    [Id(20)]
    public string? SnapshotSource { get; init; }

    [Id(21)]
    public string? SnapshotEntrypoint { get; init; }
}
