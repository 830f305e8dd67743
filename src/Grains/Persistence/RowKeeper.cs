using Microsoft.Extensions.Logging;

namespace Skriptoteket.Grains.Persistence;

/// <summary>
/// Keeps one grain's query rows in step with its state (ADR 0008). The grain writes its state first, then asks
/// this to write the rows: a transient failure leaves the transition complete (the state is the truth) and
/// retries the full repair on a grain timer until it lands, marking the lag in <see cref="RowLag"/>; any other
/// failure is the caller's to undo. On activation the repair never throws: the grain must always answer.
/// </summary>
internal sealed class RowKeeper(IGrainBase grain, RowLag lag, string key, Func<Task> repair, ILogger logger)
{
    private IGrainTimer? retry;

    /// <summary>Writes rows after a state write; false when they failed transiently and a retry is scheduled.</summary>
    public async Task<bool> WriteAsync(Func<Task> write)
    {
        try
        {
            await write();
            lag.Landed(key);
            return true;
        }
        catch (Exception ex) when (RowWrites.IsTransient(ex))
        {
            logger.LogWarning(ex, "Rows of {Key} are behind its state; retrying every {Every}", key, RowWrites.RetryEvery);
            ScheduleRetry();
            return false;
        }
    }

    /// <summary>The repair at activation: rows rewritten from the state; failures are logged and retried, never thrown.</summary>
    public async Task RepairOnActivationAsync()
    {
        try
        {
            await repair();
            lag.Landed(key);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Rows of {Key} could not be repaired at activation; the grain answers from its state and retries", key);
            ScheduleRetry();
        }
    }

    private void ScheduleRetry()
    {
        lag.Behind(key);
        retry ??= grain.RegisterGrainTimer(RetryAsync,
            new GrainTimerCreationOptions(RowWrites.RetryEvery, RowWrites.RetryEvery) { KeepAlive = true });
    }

    private async Task RetryAsync(CancellationToken cancellation)
    {
        try
        {
            await repair();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Rows of {Key} are still behind its state", key);
            return;
        }
        lag.Landed(key);
        retry?.Dispose();
        retry = null;
        logger.LogInformation("Rows of {Key} caught up with its state", key);
    }
}
