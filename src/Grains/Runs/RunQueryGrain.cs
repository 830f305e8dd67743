using Orleans.Concurrency;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Grains.Runs;

[StatelessWorker]
internal sealed class RunQueryGrain(RunStore store, RunListQueries lists) : Grain, IRunQueryGrain
{
    private const int MaxLimit = 500;

    public async Task<IReadOnlyList<RunInfo>> ListMineAsync(ActingUser user, int limit) =>
        RunRedaction.For(user, await store.ListAsync(user.UserId, Math.Clamp(limit, 1, MaxLimit)));

    public async Task<IReadOnlyList<RunInfo>> ListSandboxAsync(ActingUser user, Guid toolId, int limit) =>
        user.IsAtLeast(Role.Contributor)
            ? RunRedaction.For(user, await store.ListSandboxAsync(toolId, user.IsAtLeast(Role.Admin) ? null : user.UserId,
                Math.Clamp(limit, 1, MaxLimit)))
            : throw DomainException.Forbidden();

    public Task<IReadOnlyList<RunInfo>> ListAllAsync(ActingUser user, int limit) =>
        user.IsAtLeast(Role.Admin)
            ? store.ListAsync(null, Math.Clamp(limit, 1, MaxLimit))
            : throw DomainException.Forbidden();

    // "My runs" means own runs only, also for admins: the requester filter is always the caller.
    public Task<RunPage> PageMineAsync(ActingUser user, RunFilter filter) =>
        lists.PageAsync(filter with { Requester = null }, user.UserId);

    public Task<RunPage> PageAllAsync(ActingUser user, RunFilter filter) =>
        user.IsAtLeast(Role.Admin)
            ? lists.PageAsync(filter, null)
            : throw DomainException.Forbidden();

    public async Task<RunRow?> DescribeAsync(ActingUser user, Guid runId) =>
        await lists.FindAsync(runId) is { } row && RunAccessPolicy.MaySee(user, row.RequestedBy) ? row : null;
}
