using Microsoft.Extensions.Logging;

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
    private readonly ILogger logger;
    private Task renewing = Task.CompletedTask;
    private int disposed;

    private GrainWatch(IGrainFactory grains, TObserver observer, Func<TObserver, Task> subscribe, Func<TObserver, Task> unsubscribe,
        ILogger logger)
    {
        this.logger = logger;
        this.grains = grains;
        this.subscribe = subscribe;
        this.unsubscribe = unsubscribe;
        this.observer = observer;
        reference = grains.CreateObjectReference<TObserver>(observer);
    }

    /// <summary>Subscribes <paramref name="observer"/> (the grain checks who may watch: a refusal is thrown here).</summary>
    public static async Task<GrainWatch<TObserver>> StartAsync(IGrainFactory grains, TObserver observer,
        Func<TObserver, Task> subscribe, Func<TObserver, Task> unsubscribe, ILogger logger)
    {
        var watch = new GrainWatch<TObserver>(grains, observer, subscribe, unsubscribe, logger);
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
                try
                {
                    await subscribe(reference);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One failed renewal (a timeout, a silo moving) must not end the watch: the next tick tries again,
                    // within the grain's five minutes. Said in the log, never swallowed.
                    logger.LogWarning(e, "Renewing the subscription of {Observer} failed; trying again in {Renewal}", typeof(TObserver).Name, Renewal);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed: the page is gone.
        }
    }

    /// <summary>Ends the watch; a second call does nothing (a page may dispose a watch it is replacing).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }
        await stop.CancelAsync();
        await renewing;
        try
        {
            await unsubscribe(reference);
        }
        catch (Exception e)
        {
            // The grain forgets the observer by itself within minutes; the reference goes now either way.
            logger.LogWarning(e, "Unsubscribing {Observer} failed", typeof(TObserver).Name);
        }
        grains.DeleteObjectReference<TObserver>(reference);
        GC.KeepAlive(observer);
        stop.Dispose();
    }
}
