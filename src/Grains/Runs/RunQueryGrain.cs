using Orleans.Concurrency;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Grains.Runs;

[StatelessWorker]
internal sealed class RunQueryGrain(RunStore store) : Grain, IRunQueryGrain
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
}
