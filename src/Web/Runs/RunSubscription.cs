using Microsoft.Extensions.Logging;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Web.Runs;

/// <summary>A page's observer of one run, kept subscribed by <see cref="GrainWatch{TObserver}"/> until disposed.</summary>
public sealed class RunSubscription(Func<RunInfo, Task> changed) : IRunObserver, IAsyncDisposable
{
    private GrainWatch<IRunObserver>? watch;

    internal async Task StartAsync(IGrainFactory grains, IRunGrain run, ActingUser user, ILogger logger) =>
        watch = await GrainWatch<IRunObserver>.StartAsync(grains, this, r => run.SubscribeAsync(user, r), run.UnsubscribeAsync, logger);

    public Task RunChangedAsync(RunInfo info) => changed(info);

    public ValueTask DisposeAsync() => watch?.DisposeAsync() ?? ValueTask.CompletedTask;
}
