namespace Skriptoteket.Grains.Abstractions.Identity;

/// <summary>A user account as admins see it (never the password hash).</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.UserInfo")]
public sealed record UserInfo(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Email,
    [property: Id(2)] string DisplayName,
    [property: Id(3)] Role Role,
    [property: Id(4)] bool IsActive,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] DateTimeOffset UpdatedAt);
