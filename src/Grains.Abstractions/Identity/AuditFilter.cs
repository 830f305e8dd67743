namespace Skriptoteket.Grains.Abstractions.Identity;

/// <summary>Filters for the audit log viewer; Actor matches the actor's email or name, any part.</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.AuditFilter")]
public sealed record AuditFilter(
    [property: Id(0)] string? Action,
    [property: Id(1)] string? Actor,
    [property: Id(2)] DateTimeOffset? From,
    [property: Id(3)] DateTimeOffset? To,
    [property: Id(4)] int Page = 1,
    [property: Id(5)] int PageSize = 50);
