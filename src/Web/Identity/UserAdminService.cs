using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Web.Security;

namespace Skriptoteket.Web.Identity;

/// <summary>The admin pages' way to the identity grains, acting as the circuit's signed-in user.</summary>
public sealed class UserAdminService(IGrainFactory grains, CurrentUser currentUser, LiveSession session)
{
    private IIdentityQueryGrain Queries => grains.GetGrain<IIdentityQueryGrain>(0);

    public async Task<UserPage> SearchUsersAsync(string? query, int page, int pageSize) =>
        await Queries.SearchUsersAsync(await LiveActorAsync(), query, page, pageSize);

    public async Task<UserInfo> GetUserAsync(Guid userId) =>
        await grains.GetGrain<IUserAccountGrain>(userId).GetAsync(await LiveActorAsync());

    public async Task<UserInfo> CreateAsync(NewUserAccount account) =>
        await grains.GetGrain<IUserAccountGrain>(Guid.NewGuid()).CreateAsync(await LiveActorAsync(), account);

    public async Task<UserInfo> ChangeRoleAsync(Guid userId, Role role) =>
        await grains.GetGrain<IUserAccountGrain>(userId).ChangeRoleAsync(await LiveActorAsync(), role);

    public async Task<UserInfo> SetActiveAsync(Guid userId, bool active)
    {
        var grain = grains.GetGrain<IUserAccountGrain>(userId);
        var actor = await LiveActorAsync();
        return active ? await grain.ReactivateAsync(actor) : await grain.DeactivateAsync(actor);
    }

    /// <summary>Sets a new password the person must change at next login; all their sessions end.</summary>
    public async Task<UserInfo> SetPasswordAsync(Guid userId, string password) =>
        await grains.GetGrain<IUserAccountGrain>(userId).SetPasswordAsync(await LiveActorAsync(), password);

    public async Task<NominationInfo> NominateAsync(Guid userId, string rationale) =>
        await grains.GetGrain<INominationGrain>(userId).NominateAsync(await LiveActorAsync(), rationale);

    public async Task<IReadOnlyList<NominationInfo>> PendingNominationsAsync() =>
        await Queries.ListPendingNominationsAsync(await LiveActorAsync());

    /// <summary>Whether another superuser exists: then the actor's own nominations are someone else's to decide.</summary>
    public async Task<bool> AnotherSuperuserExistsAsync() =>
        await Queries.AnotherSuperuserExistsAsync(await LiveActorAsync());

    public async Task<NominationInfo> DecideAsync(NominationInfo nomination, bool approve, string? note)
    {
        var grain = grains.GetGrain<INominationGrain>(nomination.NomineeId);
        var actor = await LiveActorAsync();
        return approve ? await grain.ApproveAsync(actor, nomination.Id, note) : await grain.DenyAsync(actor, nomination.Id, note);
    }

    public async Task<AuditPage> SearchAuditAsync(AuditFilter filter) =>
        await Queries.SearchAuditAsync(await LiveActorAsync(), filter);

    /// <summary>The circuit's user as signed in (for showing or hiding controls; actions use the live role).</summary>
    public async Task<ActingUser> ActorAsync() => await currentUser.FindAsync() ?? throw DomainException.Forbidden();

    private async Task<ActingUser> LiveActorAsync() => (await session.RequireAsync()).Actor;
}
