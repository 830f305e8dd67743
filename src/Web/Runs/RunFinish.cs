using System.Diagnostics;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Web.Runs;

/// <summary>
/// Waits without polling until a run has finished or a limit has passed (the API's <c>GET tool-runs/{id}?wait=N</c>):
/// the run's grain answers the moment its record finishes (<see cref="IRunGrain.WaitFinishedAsync"/>), so a client's
/// latency has no poll interval in it.
/// </summary>
internal static class RunFinish
{
    /// <summary>The longest a request may wait: below the usual 60 s idle limit of a reverse proxy in front.</summary>
    public const int MaxWaitSeconds = 55;

    /// <summary>The run as <paramref name="user"/> may see it, once finished or when <paramref name="limit"/> has passed.</summary>
    public static async Task<RunInfo> WaitAsync(IRunGrain run, ActingUser user, TimeSpan limit, CancellationToken aborted)
    {
        var clock = Stopwatch.StartNew();
        RunInfo info;
        // One call waits at most RunWaits.LongestCall, so a longer wait is several. The first is also the permission
        // check: someone else's run is not found at once.
        do
        {
            info = await run.WaitFinishedAsync(user, limit - clock.Elapsed).WaitAsync(aborted);
        }
        while (!info.IsFinished && clock.Elapsed < limit);
        return info;
    }
}
