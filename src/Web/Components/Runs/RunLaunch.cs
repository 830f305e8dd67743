using Microsoft.AspNetCore.Components.Web;
using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Web.Components.Runs;

/// <summary>
/// One click is one run, for every button that starts a run (the run page's Run and "Prova med exempel", the
/// studio's sandbox Run). From the first click until the run it started has finished the guard is busy and a
/// further click starts nothing; the second click of a double click is never a run of its own. Each start carries
/// this submission's key (<see cref="RunStartKey"/>), so even a start that reached the server twice is one run.
/// A new key is minted only once the run has finished: the next click is a new intent.
/// </summary>
public sealed class RunLaunch
{
    private string key = RunStartKey.NewKey();
    private Guid? started;

    /// <summary>From the click until the start has answered (uploading, queueing).</summary>
    public bool Starting { get; private set; }

    /// <summary>From the click until the run it started has finished (or the start was refused).</summary>
    public bool Busy { get; private set; }

    /// <summary>
    /// Starts through <paramref name="start"/> (given this submission's key) unless busy or the click is the
    /// second of a double click; null when nothing was started. A refused start frees the guard and keeps the key
    /// (the server made no run with it, or made the one a retry should get back).
    /// </summary>
    public async Task<RunInfo?> StartAsync(MouseEventArgs? click, Func<string, Task<RunInfo>> start)
    {
        // Busy is set before the first await: the second click's handler, even when it runs while the first
        // waits for the server, finds the guard taken.
        if (Busy || click?.Detail > 1)
        {
            return null;
        }
        Busy = Starting = true;
        RunInfo run;
        try
        {
            run = await start(key);
        }
        catch
        {
            Busy = Starting = false;
            throw;
        }
        Starting = false;
        started = run.RunId;
        Saw(run);
        return run;
    }

    /// <summary>
    /// Told of each state the page shows. The guard frees itself once its run has finished, or when the page shows
    /// another run instead (it no longer follows the one it started).
    /// </summary>
    public void Saw(RunInfo shown)
    {
        if (Busy && !Starting && (shown.RunId != started || shown.IsFinished))
        {
            Busy = false;
            started = null;
            key = RunStartKey.NewKey();
        }
    }
}
