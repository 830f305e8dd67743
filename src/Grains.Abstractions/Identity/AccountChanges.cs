namespace Skriptoteket.Grains.Abstractions.Identity;

/// <summary>What a person changes on their own account; a null value stays as it is.</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.ProfileChange")]
public sealed record ProfileChange(
    [property: Id(0)] string? DisplayName,
    [property: Id(1)] string? Language);

/// <summary>
/// A person's own password change. SessionHash (hex SHA-256 of the session asking) names the session that stays
/// signed in; every other session of the account ends.
/// </summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.PasswordChange")]
public sealed record PasswordChange(
    [property: Id(0)] string CurrentPassword,
    [property: Id(1)] string NewPassword,
    [property: Id(2)] string SessionHash)
{
    // Keep the passwords out of logs and exception messages that print records.
    public override string ToString() => "PasswordChange { }";
}
