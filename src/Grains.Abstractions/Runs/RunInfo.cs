namespace Skriptoteket.Grains.Abstractions.Runs;

/// <summary>The full record of one run as shown to someone allowed to see it (the runs row, docs/adr/0007).</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.RunInfo")]
public sealed record RunInfo(
    [property: Id(0)] Guid RunId,
    [property: Id(1)] RunKind Kind,
    [property: Id(2)] RunStatus Status,
    [property: Id(3)] Guid ToolId,
    [property: Id(4)] Guid VersionId,
    [property: Id(5)] Guid RequestedBy,
    [property: Id(6)] int? QueuePosition,
    [property: Id(7)] RunOutput Output,
    [property: Id(8)] IReadOnlyList<RunInputInfo> Inputs,
    [property: Id(9)] DateTimeOffset CreatedAt,
    [property: Id(10)] DateTimeOffset? StartedAt,
    [property: Id(11)] DateTimeOffset? FinishedAt,
    [property: Id(12)] string? Silo)
{
    public bool IsFinished => Status >= RunStatus.Succeeded;

    /// <summary>True when the run ran unsaved editor text (a snapshot) rather than the stored version.</summary>
    [Id(13)]
    public bool FromEditor { get; init; }

    /// <summary>The snapshot that ran (single-run reads only; lists leave it null).</summary>
    [Id(14)]
    public string? SnapshotSource { get; init; }

    [Id(15)]
    public string? SnapshotEntrypoint { get; init; }

    /// <summary>The key the run was started with (<see cref="RunStartKey"/>), if any.</summary>
    [Id(16)]
    public string? StartKey { get; init; }

    /// <summary>The field values the script got (the checked JSON object, defaults filled in); null before fields were kept.</summary>
    [Id(17)]
    public string? FieldValuesJson { get; init; }

    /// <summary>The worked example the run tried ("Prova med exempel"), if it was one.</summary>
    [Id(18)]
    public Guid? ExampleId { get; init; }

    /// <summary>The tool session this run is a step of (<see cref="Sessions.ToolSessionKey"/>), null for a run outside one.</summary>
    [Id(19)]
    public string? SessionKey { get; init; }

    /// <summary>The step this run took (null: a first run).</summary>
    [Id(20)]
    public string? StepName { get; init; }
}
