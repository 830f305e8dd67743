namespace Skriptoteket.Grains.Abstractions.Identity;

/// <summary>A login attempt: credentials and the client's address (for throttling and the audit log).</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.LoginAttempt")]
public sealed record LoginAttempt(
    [property: Id(0)] string Email,
    [property: Id(1)] string Password,
    [property: Id(2)] string? Address)
{
    /// <summary>A short device description for the person's list of sessions ("Chrome|Windows"), never the raw User-Agent.</summary>
    [Id(3)] public string? Device { get; init; }

    public override string ToString() => $"LoginAttempt {{ Email = {Email}, Address = {Address} }}";
}
