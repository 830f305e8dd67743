using Skriptoteket.Web.Identity;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Web.Security;

namespace Skriptoteket.Web.Api.Identity;

/// <summary>JSON shapes of the identity API (roles as "user", "contributor", "admin", "superuser").</summary>
public static class IdentityJson
{
    public static SessionJson Session(AuthenticatedUser user, string sessionToken) => new(
        new SessionUserJson(user.Id, user.Email, user.DisplayName, user.Role.ToClaimValue(), user.MustChangePassword),
        SessionCookie.CsrfTokenFor(sessionToken));

    public static UserJson User(UserInfo u) =>
        new(u.Id, u.Email, u.DisplayName, u.Role.ToClaimValue(), u.IsActive, u.CreatedAt, u.UpdatedAt, u.PreferredLanguage,
            u.MustChangePassword);

    public static SessionInfoJson SessionInfo(SessionInfo s) => new(s.Id, s.Browser, s.Os, s.CreatedAt, s.LastSeenAt, s.IsCurrent);

    public static NominationJson Nomination(NominationInfo n) => new(
        n.Id, n.NomineeId, n.NomineeName, n.NomineeEmail, n.NominatorId, n.NominatorName, n.Rationale,
        n.Status.ToString().ToLowerInvariant(), n.CreatedAt, n.DecidedBy, n.DecidedAt, n.DecisionNote);

    public static Role ParseRole(string? value) =>
        value is not null && Enum.TryParse<Role>(value, ignoreCase: true, out var role) && Enum.IsDefined(role)
            && !int.TryParse(value, out _)
            ? role
            : throw DomainException.Invalid("Okänd roll. Använd user, contributor, admin eller superuser.", "Api.RoleUnknown");
}

public sealed record SessionUserJson(Guid Id, string Email, string DisplayName, string Role, bool MustChangePassword);

/// <summary>The signed-in user and the CSRF token to send as X-CSRF-TOKEN with every state-changing request.</summary>
public sealed record SessionJson(SessionUserJson User, string CsrfToken);

public sealed record UserJson(Guid Id, string Email, string DisplayName, string Role, bool IsActive,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string? PreferredLanguage, bool MustChangePassword);

/// <summary>One of the caller's live sessions: browser and os from a fixed list (null when unknown); current = this one.</summary>
public sealed record SessionInfoJson(Guid Id, string? Browser, string? Os, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, bool Current);

public sealed record EndedSessionsJson(int Ended);

public sealed record UserPageJson(IReadOnlyList<UserJson> Items, int Page, int PageSize, long Total);

public sealed record NominationJson(Guid Id, Guid NomineeId, string NomineeName, string NomineeEmail, Guid NominatorId,
    string NominatorName, string Rationale, string Status, DateTimeOffset CreatedAt, Guid? DecidedBy,
    DateTimeOffset? DecidedAt, string? DecisionNote);
