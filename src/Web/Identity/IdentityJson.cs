using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Web.Security;

namespace Skriptoteket.Web.Identity;

/// <summary>JSON shapes of the identity API (roles as "user", "contributor", "admin", "superuser").</summary>
public static class IdentityJson
{
    public static object Session(AuthenticatedUser user, string sessionToken) => new
    {
        user = new { id = user.Id, email = user.Email, displayName = user.DisplayName, role = user.Role.ToClaimValue() },
        csrfToken = SessionCookie.CsrfTokenFor(sessionToken),
    };

    public static object User(UserInfo u) => new
    {
        id = u.Id, email = u.Email, displayName = u.DisplayName, role = u.Role.ToClaimValue(),
        isActive = u.IsActive, createdAt = u.CreatedAt, updatedAt = u.UpdatedAt,
    };

    public static object Nomination(NominationInfo n) => new
    {
        id = n.Id, nomineeId = n.NomineeId, nomineeName = n.NomineeName, nomineeEmail = n.NomineeEmail,
        nominatorId = n.NominatorId, nominatorName = n.NominatorName, rationale = n.Rationale,
        status = n.Status.ToString().ToLowerInvariant(), createdAt = n.CreatedAt,
        decidedBy = n.DecidedBy, decidedAt = n.DecidedAt, decisionNote = n.DecisionNote,
    };

    public static Role ParseRole(string? value) =>
        value is not null && Enum.TryParse<Role>(value, ignoreCase: true, out var role) && Enum.IsDefined(role)
            && !int.TryParse(value, out _)
            ? role
            : throw DomainException.Invalid("Okänd roll. Använd user, contributor, admin eller superuser.");
}
