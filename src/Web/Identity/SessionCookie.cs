using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Skriptoteket.Web.Identity;

/// <summary>
/// The session cookie (only an opaque random id) and the CSRF token bound to it: an HMAC of a fixed label
/// keyed by the session id, so only someone who holds the cookie's value can compute it, and it needs no
/// server secret that all front ends would have to share.
/// </summary>
public static class SessionCookie
{
    public const string Name = "skriptoteket_session";
    public const string CsrfHeader = "X-CSRF-TOKEN";
    public const string SessionHashClaim = "skriptoteket:session";

    private static readonly byte[] CsrfLabel = Encoding.UTF8.GetBytes("skriptoteket-csrf-v1");

    public static string? Read(HttpContext http) =>
        http.Request.Cookies.TryGetValue(Name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    public static void Append(HttpContext http, string token) =>
        http.Response.Cookies.Append(Name, token, Options(http));

    public static void Delete(HttpContext http) => http.Response.Cookies.Delete(Name, Options(http));

    public static string CsrfTokenFor(string sessionToken) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(sessionToken), CsrfLabel));

    public static bool CsrfMatches(string sessionToken, string? presented) =>
        !string.IsNullOrEmpty(presented)
        && CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(CsrfTokenFor(sessionToken)), Encoding.UTF8.GetBytes(presented.Trim()));

    /// <summary>SHA-256 of the id (hex), as the sessions table keys it; kept as a claim for re-checks by circuits.</summary>
    public static string HashHex(string sessionToken) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sessionToken)));

    // The server's sliding expiry decides a session's life; the cookie itself lives for the browser session.
    private static CookieOptions Options(HttpContext http) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = http.Request.IsHttps,
        Path = "/",
        IsEssential = true,
    };
}
