namespace Skriptoteket.Grains.Abstractions.Identity;

/// <summary>Logins and server-side sessions (stateless worker: every call reads and writes PostgreSQL).</summary>
[Alias("Skriptoteket.IAuthenticationGrain")]
public interface IAuthenticationGrain : IGrainWithIntegerKey
{
    /// <summary>Checks credentials under throttling; on success opens a session and returns its opaque token.</summary>
    [Alias("LoginAsync")]
    Task<LoginResult> LoginAsync(LoginAttempt attempt);

    /// <summary>The user of a live session (sliding its expiry), or null when expired, revoked or the user is inactive.</summary>
    [Alias("AuthenticateAsync")]
    Task<AuthenticatedUser?> AuthenticateAsync(string sessionToken);

    /// <summary>Like AuthenticateAsync but by the session's SHA-256 hash (hex), for circuits that re-check periodically.</summary>
    [Alias("AuthenticateByHashAsync")]
    Task<AuthenticatedUser?> AuthenticateByHashAsync(string sessionHash);

    /// <summary>Revokes the session and records the logout.</summary>
    [Alias("LogoutAsync")]
    Task LogoutAsync(string sessionToken, string? address);
}
