namespace Skriptoteket.Grains.Abstractions.Sessions;

/// <summary>
/// A step to take: which run's offer it answers (the page's or client's view of the session), the step's name,
/// its field values as a JSON object (name → value), and the start's idempotency key. A studio sandbox step also
/// carries the editor's unsaved text, which runs instead of the version's source.
/// </summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.StepRequest")]
public sealed record StepRequest(
    [property: Id(0)] Guid FromRunId,
    [property: Id(1)] string StepName,
    [property: Id(2)] string FieldValuesJson,
    [property: Id(3)] string? StartKey = null,
    [property: Id(4)] string? SnapshotSource = null,
    [property: Id(5)] string? SnapshotEntrypoint = null);
