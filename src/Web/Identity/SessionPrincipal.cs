using System.Security.Claims;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Web.Security;

namespace Skriptoteket.Web.Identity;

/// <summary>Builds the ClaimsPrincipal of a live session.</summary>
public static class SessionPrincipal
{
    /// <summary>Present (value "true") while an admin-set password waits to be changed by its owner.</summary>
    public const string MustChangePasswordClaim = "skriptoteket:must-change-password";

    public static ClaimsPrincipal Create(AuthenticatedUser user, string sessionHash)
    {
        List<Claim> claims =
        [
            new Claim(SkriptoteketClaims.UserId, user.Id.ToString()),
            new Claim(SkriptoteketClaims.Role, user.Role.ToClaimValue()),
            new Claim(ClaimTypes.Name, user.DisplayName),
            new Claim(ClaimTypes.Email, user.Email),
            new Claim(SessionCookie.SessionHashClaim, sessionHash),
        ];
        if (user.MustChangePassword)
        {
            claims.Add(new Claim(MustChangePasswordClaim, "true"));
        }
        return new(new ClaimsIdentity(claims, SessionAuthenticationHandler.SchemeName, ClaimTypes.Name, SkriptoteketClaims.Role));
    }

    /// <summary>Whether the signed-in person must change an admin-set password before anything else.</summary>
    public static bool MustChangePassword(this ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true && principal.HasClaim(MustChangePasswordClaim, "true");
}
