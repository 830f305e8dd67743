using Microsoft.Extensions.Logging;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Execution;

namespace Skriptoteket.Grains.Runs;

/// <summary>
/// The run grain's record keeping (docs/adr/0007-run-record-source-of-truth.md): every change is the record at once,
/// its row follows now or from a retry timer, and a refused start leaves no row behind.
/// </summary>
internal sealed partial class RunGrain
{
    /// <summary>
    /// The record moves on at once (the run did move on, whatever the database says) and watchers hear of it;
    /// the row follows now or, after a transient failure, from the retry timer.
    /// </summary>
    private async Task SaveAsync(RunInfo next, RunCompletion? completion)
    {
        record = next;
        if (next.IsFinished)
        {
            finished.TrySetResult(); // waiters answer from memory now, as a poll would, not after the row write
        }
        if (!await rows.WriteAsync(next, completion))
        {
            ScheduleRetry();
        }
        await observers.Notify(v => v.Observer.RunChangedAsync(RunRedaction.For(v.User, next)));
    }

    private void ScheduleRetry()
    {
        // KeepAlive: an idle grain must not deactivate with its row still behind.
        retry ??= this.RegisterGrainTimer(RetryAsync,
            new GrainTimerCreationOptions(rows.NextPause, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        retry.Change(rows.NextPause, Timeout.InfiniteTimeSpan);
    }

    private async Task RetryAsync(CancellationToken cancel)
    {
        if (await rows.FlushAsync())
        {
            retry?.Dispose();
            retry = null;
            return;
        }
        retry?.Change(rows.NextPause, Timeout.InfiniteTimeSpan);
    }

    /// <summary>A refused start leaves no record; a row that cannot be removed now is finalized later (RunRecovery).</summary>
    private async Task ForgetRefusedAsync()
    {
        try
        {
            await store.DeleteUnfinishedAsync(RunId);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException)
        {
            logger.LogError(e, "Row of refused run {RunId} could not be removed; it ends interrupted when next read", RunId);
        }
    }
}
