using System.Security.Claims;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Web.Security;

namespace Skriptoteket.Web.Identity;

/// <summary>Builds the ClaimsPrincipal of a live session.</summary>
public static class SessionPrincipal
{
    public static ClaimsPrincipal Create(AuthenticatedUser user, string sessionHash) =>
        new(new ClaimsIdentity(
            [
                new Claim(SkriptoteketClaims.UserId, user.Id.ToString()),
                new Claim(SkriptoteketClaims.Role, user.Role.ToClaimValue()),
                new Claim(ClaimTypes.Name, user.DisplayName),
                new Claim(ClaimTypes.Email, user.Email),
                new Claim(SessionCookie.SessionHashClaim, sessionHash),
            ],
            SessionAuthenticationHandler.SchemeName, ClaimTypes.Name, SkriptoteketClaims.Role));
}
