namespace Skriptoteket.Web.Runs;

/// <summary>
/// Keeps one grain observer subscribed for a page: makes the object reference, subscribes, subscribes again
/// before the grain forgets it (grains drop observers after a few minutes) and unsubscribes when disposed.
/// The one way pages watch grains (a run, a tool's example checks) instead of polling them.
/// </summary>
public sealed class GrainWatch<TObserver> : IAsyncDisposable where TObserver : class, IGrainObserver
{
    private static readonly TimeSpan Renewal = TimeSpan.FromMinutes(1);
    private readonly CancellationTokenSource stop = new();
    private readonly IGrainFactory grains;
    private readonly TObserver reference;
    private readonly TObserver observer; // references are weak: the observer lives as long as the watch
    private readonly Func<TObserver, Task> subscribe;
    private readonly Func<TObserver, Task> unsubscribe;
    private Task renewing = Task.CompletedTask;

    private GrainWatch(IGrainFactory grains, TObserver observer, Func<TObserver, Task> subscribe, Func<TObserver, Task> unsubscribe)
    {
        this.grains = grains;
        this.subscribe = subscribe;
        this.unsubscribe = unsubscribe;
        this.observer = observer;
        reference = grains.CreateObjectReference<TObserver>(observer);
    }

    /// <summary>Subscribes <paramref name="observer"/> (the grain checks who may watch: a refusal is thrown here).</summary>
    public static async Task<GrainWatch<TObserver>> StartAsync(IGrainFactory grains, TObserver observer,
        Func<TObserver, Task> subscribe, Func<TObserver, Task> unsubscribe)
    {
        var watch = new GrainWatch<TObserver>(grains, observer, subscribe, unsubscribe);
        try
        {
            await subscribe(watch.reference);
        }
        catch
        {
            grains.DeleteObjectReference<TObserver>(watch.reference);
            throw;
        }
        watch.renewing = watch.RenewAsync();
        return watch;
    }

    private async Task RenewAsync()
    {
        using var timer = new PeriodicTimer(Renewal);
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                await subscribe(reference);
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed: the page is gone.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await renewing;
        await unsubscribe(reference);
        grains.DeleteObjectReference<TObserver>(reference);
        GC.KeepAlive(observer);
        stop.Dispose();
    }
}
