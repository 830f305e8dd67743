namespace Skriptoteket.Grains.Abstractions.Identity;

/// <summary>The person behind a valid session.</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.AuthenticatedUser")]
public sealed record AuthenticatedUser(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Email,
    [property: Id(2)] string DisplayName,
    [property: Id(3)] Role Role);
