using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Tools;

namespace Skriptoteket.Grains.Tools;

/// <summary>
/// Naming and removing a tool's maintainers (issue 22). They are part of this grain's state, so every check of
/// this grain sees a change from the next call on; the tool_maintainers rows follow in the same commit.
/// </summary>
internal sealed partial class ToolGrain
{
    public async Task<ToolInfo> AddMaintainerAsync(ActingUser actor, Guid userId)
    {
        EnsureVisible(actor);
        EnsureManager(actor);
        if (state.State.MaintainerIds().Contains(userId))
        {
            return ToInfo(actor, state.State);
        }
        // The account as it is now (NOT_FOUND when unknown): only an active contributor or above can write scripts.
        var account = await GrainFactory.GetGrain<IUserAccountGrain>(userId).GetAsync(actor);
        if (!ToolPermissions.CanBeMaintainer(account.Role, account.IsActive))
        {
            throw DomainException.Invalid(account.IsActive
                ? $"{account.DisplayName} är användare och kan inte underhålla verktyg. Gör personen till bidragsgivare först."
                : $"{account.DisplayName} är avstängd och kan inte underhålla verktyg.",
                account.IsActive ? "Maintainers.NotContributor" : "Maintainers.Deactivated", account.DisplayName);
        }
        var next = state.State.Clone();
        next.Maintainers.Add(new ToolMaintainer(userId, actor.UserId, time.GetUtcNow()));
        await CommitAsync(next, actor, "tool.maintainer_added", new() { ["user_id"] = userId });
        return ToInfo(actor, next);
    }

    public async Task<ToolInfo> RemoveMaintainerAsync(ActingUser actor, Guid userId)
    {
        EnsureVisible(actor);
        EnsureManager(actor);
        if (!state.State.MaintainerIds().Contains(userId))
        {
            return ToInfo(actor, state.State);
        }
        var next = state.State.Clone();
        next.Maintainers.RemoveAll(m => m.UserId == userId);
        await CommitAsync(next, actor, "tool.maintainer_removed", new() { ["user_id"] = userId });
        return ToInfo(actor, next);
    }
}
