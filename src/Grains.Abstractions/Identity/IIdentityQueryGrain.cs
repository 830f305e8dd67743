namespace Skriptoteket.Grains.Abstractions.Identity;

/// <summary>Lists and searches of the identity area, read from PostgreSQL tables (never a fan-out over grains).</summary>
[Alias("Skriptoteket.IIdentityQueryGrain")]
public interface IIdentityQueryGrain : IGrainWithIntegerKey
{
    /// <summary>Users whose email or name contains the query (admins and superusers).</summary>
    [Alias("SearchUsersAsync")]
    Task<UserPage> SearchUsersAsync(ActingUser actor, string? query, int page, int pageSize);

    /// <summary>Pending admin nominations, oldest first (superusers).</summary>
    [Alias("ListPendingNominationsAsync")]
    Task<IReadOnlyList<NominationInfo>> ListPendingNominationsAsync(ActingUser actor);

    /// <summary>Superusers: whether an active superuser other than the actor exists (then the actor's own nominations are decided by someone else).</summary>
    [Alias("AnotherSuperuserExistsAsync")]
    Task<bool> AnotherSuperuserExistsAsync(ActingUser actor);

    /// <summary>One nomination by id (superusers; admins only for nominations they made).</summary>
    [Alias("GetNominationAsync")]
    Task<NominationInfo> GetNominationAsync(ActingUser actor, Guid nominationId);

    /// <summary>The audit log, newest first, filtered and paged (superusers).</summary>
    [Alias("SearchAuditAsync")]
    Task<AuditPage> SearchAuditAsync(ActingUser actor, AuditFilter filter);
}
