using Microsoft.Extensions.Logging;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Web.Identity;
using Skriptoteket.Web.Security;

namespace Skriptoteket.Web.Runs;

/// <summary>Pages' way to runs: supplies the acting user to every grain call (one instance per circuit).</summary>
public sealed class RunService(IGrainFactory grains, CurrentUser currentUser, RunStarter starter, ILogger<RunService> logger)
{
    /// <summary>A run of the published tool; a repeat with the same <paramref name="startKey"/> gets the same run (<see cref="RunStartKey"/>).</summary>
    public async Task<RunInfo> StartProductionAsync(string slug, IReadOnlyList<RunInputFile> inputs, string? fieldValuesJson, string startKey) =>
        await starter.StartAsync(RunRequest.Production(slug, await currentUser.GetAsync(), inputs, fieldValuesJson) with { StartKey = startKey });

    public async Task<RunInfo> GetAsync(Guid runId) =>
        await grains.GetGrain<IRunGrain>(runId).GetAsync(await currentUser.GetAsync());

    public async Task<RunInfo> CancelAsync(Guid runId) =>
        await grains.GetGrain<IRunGrain>(runId).CancelAsync(await currentUser.GetAsync());

    public async Task<RunPage> PageMineAsync(RunFilter filter) =>
        await grains.GetGrain<IRunQueryGrain>(0).PageMineAsync(await currentUser.GetAsync(), filter);

    public async Task<RunPage> PageAllAsync(RunFilter filter) =>
        await grains.GetGrain<IRunQueryGrain>(0).PageAllAsync(await currentUser.GetAsync(), filter);

    /// <summary>The run's tool title and version number; null when the user may not see the run.</summary>
    public async Task<RunRow?> DescribeAsync(Guid runId) =>
        await grains.GetGrain<IRunQueryGrain>(0).DescribeAsync(await currentUser.GetAsync(), runId);

    /// <summary>Calls <paramref name="changed"/> on every state change of the run until disposed.</summary>
    public async Task<RunSubscription> WatchAsync(Guid runId, Func<RunInfo, Task> changed)
    {
        var subscription = new RunSubscription(CircuitCulture.Keep(changed));
        await subscription.StartAsync(grains, grains.GetGrain<IRunGrain>(runId), await currentUser.GetAsync(), logger);
        return subscription;
    }
}
