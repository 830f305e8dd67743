using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Web.Runs;

/// <summary>
/// A grain observer for one run. The grain forgets observers after a while, so the subscription is
/// renewed periodically until the run is finished or the component goes away.
/// </summary>
public sealed class RunSubscription(IGrainFactory grains, IRunGrain run, ActingUser user, Func<RunInfo, Task> changed)
    : IRunObserver, IAsyncDisposable
{
    private static readonly TimeSpan Renewal = TimeSpan.FromMinutes(1);
    private readonly CancellationTokenSource stop = new();
    private IRunObserver? reference;
    private Task renewing = Task.CompletedTask;

    internal async Task StartAsync()
    {
        reference = grains.CreateObjectReference<IRunObserver>(this);
        await run.SubscribeAsync(user, reference);
        renewing = RenewAsync();
    }

    public Task RunChangedAsync(RunInfo info) => changed(info);

    private async Task RenewAsync()
    {
        using var timer = new PeriodicTimer(Renewal);
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                await run.SubscribeAsync(user, reference!);
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed: the component is gone.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await renewing;
        if (reference is not null)
        {
            await run.UnsubscribeAsync(reference);
            grains.DeleteObjectReference<IRunObserver>(reference);
        }
        stop.Dispose();
    }
}
