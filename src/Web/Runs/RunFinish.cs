using Microsoft.Extensions.Logging;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Web.Runs;

/// <summary>
/// Waits without polling until a run has finished or a limit has passed (the API's <c>GET tool-runs/{id}?wait=N</c>):
/// the same grain observer the run page uses (<see cref="RunSubscription"/>), so a client's latency has no poll
/// interval in it.
/// </summary>
internal static class RunFinish
{
    /// <summary>The longest a request may wait: below the usual 60 s idle limit of a reverse proxy in front.</summary>
    public const int MaxWaitSeconds = 55;

    /// <summary>The run as <paramref name="user"/> may see it, once finished or when <paramref name="limit"/> has passed.</summary>
    public static async Task<RunInfo> WaitAsync(IGrainFactory grains, IRunGrain run, ActingUser user, TimeSpan limit,
        ILogger logger, CancellationToken aborted)
    {
        // The first read is also the permission check: someone else's run is not found, and nothing is subscribed.
        var info = await run.GetAsync(user);
        if (info.IsFinished || limit <= TimeSpan.Zero)
        {
            return info;
        }
        var finished = new TaskCompletionSource<RunInfo>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var subscription = new RunSubscription(changed =>
        {
            if (changed.IsFinished)
            {
                finished.TrySetResult(changed);
            }
            return Task.CompletedTask;
        });
        await subscription.StartAsync(grains, run, user, logger);
        // A finish between the first read and the subscription is not announced again: read once more.
        info = await run.GetAsync(user);
        if (info.IsFinished)
        {
            return info;
        }
        try
        {
            return await finished.Task.WaitAsync(limit, aborted);
        }
        catch (TimeoutException)
        {
            return await run.GetAsync(user); // still going: its state now (queue position, running)
        }
    }
}
