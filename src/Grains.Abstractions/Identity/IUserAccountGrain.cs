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
}
