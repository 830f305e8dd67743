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
    [property: Id(6)] DateTimeOffset UpdatedAt)
{
    /// <summary>The language the person chose ("sv" or "en"); null when never chosen.</summary>
    [Id(7)] public string? PreferredLanguage { get; init; }

    /// <summary>An admin set the password and the person has not chosen a new one yet.</summary>
    [Id(8)] public bool MustChangePassword { get; init; }
}
