namespace Skriptoteket.Grains.Abstractions.Identity;

/// <summary>One user account (key: user id): the single writer of its role and active flag.</summary>
[Alias("Skriptoteket.IUserAccountGrain")]
public interface IUserAccountGrain : IGrainWithGuidKey
{
    /// <summary>Creates the account (admins: user or contributor only).</summary>
    [Alias("CreateAsync")]
    Task<UserInfo> CreateAsync(ActingUser actor, NewUserAccount account);

    /// <summary>The account as an admin sees it, or the own account.</summary>
    [Alias("GetAsync")]
    Task<UserInfo> GetAsync(ActingUser actor);

    /// <summary>Changes the role (user ↔ contributor; superusers also demote admins); revokes the user's sessions.</summary>
    [Alias("ChangeRoleAsync")]
    Task<UserInfo> ChangeRoleAsync(ActingUser actor, Role role);

    /// <summary>Deactivates the account and revokes its sessions.</summary>
    [Alias("DeactivateAsync")]
    Task<UserInfo> DeactivateAsync(ActingUser actor);

    /// <summary>Reactivates a deactivated account.</summary>
    [Alias("ReactivateAsync")]
    Task<UserInfo> ReactivateAsync(ActingUser actor);

    /// <summary>Makes the user an admin as the effect of an approved nomination (superuser only; the nomination is audited).</summary>
    [Alias("PromoteToAdminAsync")]
    Task<UserInfo> PromoteToAdminAsync(ActingUser actor, Guid nominationId);

    /// <summary>The person changes their own display name and/or preferred language (nobody else's: 404).</summary>
    [Alias("UpdateProfileAsync")]
    Task<UserInfo> UpdateProfileAsync(ActingUser actor, ProfileChange change);

    /// <summary>
    /// The person changes their own password: the current one is required (a wrong one counts against the login
    /// throttle), every other session ends, the must-change flag clears; audited.
    /// </summary>
    [Alias("ChangePasswordAsync")]
    Task ChangePasswordAsync(ActingUser actor, PasswordChange change);

    /// <summary>An admin sets a new password (same rule as other admin actions); all sessions end and the person must change it at next login; audited.</summary>
    [Alias("SetPasswordAsync")]
    Task<UserInfo> SetPasswordAsync(ActingUser actor, string newPassword);

    /// <summary>The person's own live sessions, newest first; <paramref name="currentSessionHash"/> marks the one asking.</summary>
    [Alias("ListSessionsAsync")]
    Task<IReadOnlyList<SessionInfo>> ListSessionsAsync(ActingUser actor, string currentSessionHash);

    /// <summary>Ends one of the person's own sessions (another person's or an unknown one: 404).</summary>
    [Alias("EndSessionAsync")]
    Task EndSessionAsync(ActingUser actor, Guid sessionId);

    /// <summary>Ends every session of the person except the one asking; returns how many ended.</summary>
    [Alias("EndOtherSessionsAsync")]
    Task<int> EndOtherSessionsAsync(ActingUser actor, string currentSessionHash);
}
