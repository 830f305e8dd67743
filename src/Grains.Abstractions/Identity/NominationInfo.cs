namespace Skriptoteket.Grains.Abstractions.Identity;

/// <summary>A nomination of a user for admin, with its decision once made.</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.NominationInfo")]
public sealed record NominationInfo(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid NomineeId,
    [property: Id(2)] string NomineeName,
    [property: Id(3)] string NomineeEmail,
    [property: Id(4)] Guid NominatorId,
    [property: Id(5)] string NominatorName,
    [property: Id(6)] string Rationale,
    [property: Id(7)] NominationStatus Status,
    [property: Id(8)] DateTimeOffset CreatedAt,
    [property: Id(9)] Guid? DecidedBy,
    [property: Id(10)] DateTimeOffset? DecidedAt,
    [property: Id(11)] string? DecisionNote);
