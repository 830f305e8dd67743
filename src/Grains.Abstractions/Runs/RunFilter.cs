namespace Skriptoteket.Grains.Abstractions.Runs;

/// <summary>
/// Filters for a run list; every null field matches everything. Requester matches the requester's name or
/// email, any part. From is inclusive, To exclusive.
/// </summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.RunFilter")]
public sealed record RunFilter(
    [property: Id(0)] Guid? ToolId = null,
    [property: Id(1)] string? Requester = null,
    [property: Id(2)] RunStatus? Status = null,
    [property: Id(3)] RunKind? Kind = null,
    [property: Id(4)] DateTimeOffset? From = null,
    [property: Id(5)] DateTimeOffset? To = null,
    [property: Id(6)] int Page = 1,
    [property: Id(7)] int PageSize = 25);
