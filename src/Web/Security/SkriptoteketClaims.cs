using System.Security.Claims;
using Skriptoteket.Grains.Abstractions.Identity;

namespace Skriptoteket.Web.Security;

/// <summary>
/// The claims an authenticated principal carries (user id and role) and the conversion to the
/// <see cref="ActingUser"/> every grain call takes.
/// </summary>
public static class SkriptoteketClaims
{
    public const string UserId = ClaimTypes.NameIdentifier;
    public const string Role = ClaimTypes.Role;

    /// <summary>The acting user, or null for an anonymous or malformed principal.</summary>
    public static ActingUser? ToActingUser(this ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirstValue(UserId), out var id)
            || !Enum.TryParse<Role>(principal.FindFirstValue(Role), ignoreCase: true, out var role))
        {
            return null;
        }
        return new ActingUser(id, role);
    }

    /// <summary>Role names as stored in the database and carried in claims ("user", "contributor", ...).</summary>
    public static string ToClaimValue(this Role role) => role.ToString().ToLowerInvariant();
}
