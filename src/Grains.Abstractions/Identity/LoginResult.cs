namespace Skriptoteket.Grains.Abstractions.Identity;

/// <summary>
/// The outcome of a login. A refusal never says why (wrong password, unknown account, inactive account
/// or lockout all look the same), so it cannot reveal whether an account exists.
/// </summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.LoginResult")]
public sealed record LoginResult(
    [property: Id(0)] bool Succeeded,
    [property: Id(1)] string? SessionToken,
    [property: Id(2)] AuthenticatedUser? User)
{
    public static LoginResult Refused { get; } = new(false, null, null);
}
