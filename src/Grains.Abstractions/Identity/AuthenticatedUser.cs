namespace Skriptoteket.Grains.Abstractions.Identity;

/// <summary>The person behind a valid session.</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.AuthenticatedUser")]
public sealed record AuthenticatedUser(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Email,
    [property: Id(2)] string DisplayName,
    [property: Id(3)] Role Role)
{
    /// <summary>The language the person chose ("sv" or "en"); null when never chosen.</summary>
    [Id(4)] public string? PreferredLanguage { get; init; }

    /// <summary>An admin set the password: until the person chooses a new one, only that and logging out are allowed.</summary>
    [Id(5)] public bool MustChangePassword { get; init; }
}
