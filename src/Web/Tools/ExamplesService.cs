using Microsoft.Extensions.Logging;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Tools.Examples;
using Skriptoteket.Web.Runs;
using Skriptoteket.Web.Identity;
using Skriptoteket.Web.Security;

namespace Skriptoteket.Web.Tools;

/// <summary>The pages' way to a tool's worked examples (docs/adr/0012-worked-examples.md), with the circuit's acting user.</summary>
public sealed class ExamplesService(IGrainFactory grains, CurrentUser currentUser, ILogger<ExamplesService> logger)
{
    private IToolExamplesGrain Grain(Guid toolId) => grains.GetGrain<IToolExamplesGrain>(toolId);

    public async Task<IReadOnlyList<ToolExample>> ListAsync(Guid toolId) => await Grain(toolId).ListAsync(await currentUser.GetAsync());

    public async Task<ToolExample> AddAsync(Guid toolId, NewExample example) => await Grain(toolId).AddAsync(await currentUser.GetAsync(), example);

    public async Task<ToolExample> RenameAsync(Guid toolId, Guid exampleId, string name) =>
        await Grain(toolId).RenameAsync(await currentUser.GetAsync(), exampleId, name);

    public async Task DeleteAsync(Guid toolId, Guid exampleId) => await Grain(toolId).DeleteAsync(await currentUser.GetAsync(), exampleId);

    public async Task<ToolExample> AcceptAsync(Guid toolId, Guid exampleId, Guid runId) =>
        await Grain(toolId).AcceptResultAsync(await currentUser.GetAsync(), exampleId, runId);

    public async Task<IReadOnlyList<ExampleCheck>> ChecksAsync(Guid toolId, Guid versionId) =>
        await Grain(toolId).ListChecksAsync(await currentUser.GetAsync(), versionId);

    public async Task<RunInfo> TryAsync(Guid toolId, Guid exampleId, string startKey) =>
        await Grain(toolId).TryAsync(await currentUser.GetAsync(), exampleId, startKey);

    public async Task<RunInfo> RunInSandboxAsync(Guid toolId, Guid exampleId, Guid versionId) =>
        await Grain(toolId).RunInSandboxAsync(await currentUser.GetAsync(), exampleId, versionId);

    /// <summary>Calls <paramref name="changed"/> (with the version whose checks changed, Guid.Empty: all) until disposed.</summary>
    public async Task<IAsyncDisposable> WatchChecksAsync(Guid toolId, Func<Guid, Task> changed)
    {
        var actor = await currentUser.GetAsync();
        var grain = Grain(toolId);
        return await GrainWatch<IExampleChecksObserver>.StartAsync(grains, new ChecksWatcher(CircuitCulture.Keep(changed)),
            o => grain.SubscribeChecksAsync(actor, o), grain.UnsubscribeChecksAsync, logger);
    }

    private sealed class ChecksWatcher(Func<Guid, Task> changed) : IExampleChecksObserver
    {
        public Task ChecksChangedAsync(Guid versionId) => changed(versionId);
    }
}
