namespace Skriptoteket.Grains.Abstractions.Identity;

/// <summary>The person on whose behalf a grain method runs; every method that changes or reveals data takes one.</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.ActingUser")]
public sealed record ActingUser(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] Role Role)
{
    /// <summary>True when this user's role includes every capability of <paramref name="role"/>.</summary>
    public bool IsAtLeast(Role role) => Role >= role;
}
