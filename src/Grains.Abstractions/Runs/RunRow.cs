namespace Skriptoteket.Grains.Abstractions.Runs;

/// <summary>
/// One line of a run list: the run's own facts joined with the tool's title, the version's number and the
/// requester's name (read from their own tables, never copied into the run).
/// </summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.RunRow")]
public sealed record RunRow(
    [property: Id(0)] Guid RunId,
    [property: Id(1)] RunKind Kind,
    [property: Id(2)] RunStatus Status,
    [property: Id(3)] Guid ToolId,
    [property: Id(4)] string ToolTitle,
    [property: Id(5)] Guid VersionId,
    [property: Id(6)] int? VersionNumber,
    [property: Id(7)] Guid RequestedBy,
    [property: Id(8)] string RequesterName,
    [property: Id(9)] DateTimeOffset CreatedAt,
    [property: Id(10)] DateTimeOffset? StartedAt,
    [property: Id(11)] DateTimeOffset? FinishedAt)
{
    /// <summary>The tool's address name (single-run reads only: <c>DescribeAsync</c>), for "back to the tool" and "run again".</summary>
    [Id(12)]
    public string? ToolSlug { get; init; }

    /// <summary>The version's declared fields and files as stored (ToolInputsJson; null: none declared), single-run reads only.</summary>
    [Id(13)]
    public string? VersionInputsJson { get; init; }

    /// <summary>The name of the worked example the run tried ("Prova med exempel"), single-run reads only; null otherwise.</summary>
    [Id(14)]
    public string? ExampleName { get; init; }

    /// <summary>Which step of its tool session the run was (1: the run that opened it); null outside a session. Lists only.</summary>
    [Id(15)]
    public int? SessionStep { get; init; }

    /// <summary>From start to finish; null until the run has both.</summary>
    public TimeSpan? Duration => StartedAt is { } s && FinishedAt is { } f ? f - s : null;
}
