namespace Skriptoteket.Grains.Abstractions.Identity;

/// <summary>What an admin enters to create an account; the password is hashed by the account grain and never stored in clear.</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.NewUserAccount")]
public sealed record NewUserAccount(
    [property: Id(0)] string Email,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] string Password,
    [property: Id(3)] Role Role)
{
    // Keep the password out of logs and exception messages that print records.
    public override string ToString() => $"NewUserAccount {{ Email = {Email}, Role = {Role} }}";
}
