using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Web.Security;

namespace Skriptoteket.Web.Identity;

/// <summary>The admin pages' way to the identity grains, acting as the circuit's signed-in user.</summary>
public sealed class UserAdminService(IGrainFactory grains, CurrentUser currentUser)
{
    private IIdentityQueryGrain Queries => grains.GetGrain<IIdentityQueryGrain>(0);

    public async Task<UserPage> SearchUsersAsync(string? query, int page, int pageSize) =>
        await Queries.SearchUsersAsync(await currentUser.GetAsync(), query, page, pageSize);

    public async Task<UserInfo> CreateAsync(NewUserAccount account) =>
        await grains.GetGrain<IUserAccountGrain>(Guid.NewGuid()).CreateAsync(await currentUser.GetAsync(), account);

    public async Task<UserInfo> ChangeRoleAsync(Guid userId, Role role) =>
        await grains.GetGrain<IUserAccountGrain>(userId).ChangeRoleAsync(await currentUser.GetAsync(), role);

    public async Task<UserInfo> SetActiveAsync(Guid userId, bool active)
    {
        var grain = grains.GetGrain<IUserAccountGrain>(userId);
        var actor = await currentUser.GetAsync();
        return active ? await grain.ReactivateAsync(actor) : await grain.DeactivateAsync(actor);
    }

    public async Task<NominationInfo> NominateAsync(Guid userId, string rationale) =>
        await grains.GetGrain<INominationGrain>(userId).NominateAsync(await currentUser.GetAsync(), rationale);

    public async Task<IReadOnlyList<NominationInfo>> PendingNominationsAsync() =>
        await Queries.ListPendingNominationsAsync(await currentUser.GetAsync());

    public async Task<NominationInfo> DecideAsync(NominationInfo nomination, bool approve, string? note)
    {
        var grain = grains.GetGrain<INominationGrain>(nomination.NomineeId);
        var actor = await currentUser.GetAsync();
        return approve ? await grain.ApproveAsync(actor, nomination.Id, note) : await grain.DenyAsync(actor, nomination.Id, note);
    }

    public async Task<AuditPage> SearchAuditAsync(AuditFilter filter) =>
        await Queries.SearchAuditAsync(await currentUser.GetAsync(), filter);

    public async Task<ActingUser> ActorAsync() => await currentUser.GetAsync();
}
