using Microsoft.Extensions.Logging;

namespace Skriptoteket.Grains.Persistence;

/// <summary>How a grain's rows may fall behind its state (ADR 0008).</summary>
internal enum RowLagRule
{
    /// <summary>The state is the truth: a transient row failure keeps the transition and retries the rows until they land.</summary>
    RetryUntilLanded,

    /// <summary>The rows are what others act on (logins read the users row): any row failure undoes the transition.</summary>
    UndoOnAnyFailure,
}

/// <summary>
/// The one commit path of a grain whose state has query rows (ADR 0008), in one place: the state is written
/// first, then the rows. Rows that refuse the data undo the state write, so the transition fails cleanly and
/// state and rows both say "before"; a transient failure either keeps the transition and retries the full
/// repair on a grain timer (marking the lag in <see cref="RowLag"/>) or undoes it, by <see cref="RowLagRule"/>.
/// On activation the repair never throws (a grain must always answer) and heals, once, a state saved before the
/// text rules existed: characters the rows refuse become U+FFFD.
/// </summary>
/// <param name="writeRows">Rewrites every row from a state (idempotent upserts).</param>
/// <param name="heal">The state with refused characters replaced, or null when there is nothing to heal.</param>
internal sealed class RowKeeper<TState>(
    IGrainBase grain,
    IPersistentState<TState> state,
    RowLag lag,
    string key,
    Func<TState, Task> writeRows,
    Func<TState, TState?> heal,
    string conflictMessage,
    ILogger logger,
    RowLagRule rule = RowLagRule.RetryUntilLanded)
    where TState : class
{
    private IGrainTimer? retry;

    /// <summary>
    /// Makes <paramref name="next"/> the state, then writes the rows (all of them from <paramref name="next"/>, or
    /// <paramref name="rows"/> when the caller writes only what changed). Returns false when the rows failed
    /// transiently and a retry is scheduled. When the state cannot be written or the rows refuse, state and memory
    /// go back to what they were, <paramref name="afterUndo"/> runs (e.g. a claimed name is released) and the
    /// failure is thrown.
    /// </summary>
    public async Task<bool> CommitAsync(TState next, Func<Task>? rows = null, Func<Task>? afterUndo = null)
    {
        var existed = state.RecordExists;
        var before = state.State;
        try
        {
            await state.WriteOrRestoreAsync(next, conflictMessage);
        }
        catch
        {
            // Memory already holds what storage holds.
            await (afterUndo ?? (() => Task.CompletedTask))();
            throw;
        }
        try
        {
            if (rule == RowLagRule.UndoOnAnyFailure)
            {
                await (rows ?? (() => writeRows(next)))();
                return true;
            }
            return await WriteAsync(rows ?? (() => writeRows(next)));
        }
        catch
        {
            await UndoAsync(before, existed, afterUndo);
            throw;
        }
    }

    /// <summary>The repair at activation: rows rewritten from the state; failures are logged and retried, never thrown.</summary>
    public async Task RepairOnActivationAsync()
    {
        try
        {
            await RepairAsync();
            lag.Landed(key);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Rows of {Key} could not be repaired at activation; the grain answers from its state and retries", key);
            ScheduleRetry();
        }
    }

    private async Task<bool> WriteAsync(Func<Task> write)
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

    /// <summary>Storage and memory go back to the state before the transition (a record that did not exist is cleared).</summary>
    private async Task UndoAsync(TState before, bool existed, Func<Task>? afterUndo)
    {
        try
        {
            if (existed)
            {
                await state.WriteOrRestoreAsync(before, conflictMessage);
            }
            else
            {
                await state.ClearStateAsync();
                state.State = before;
            }
            if (afterUndo is not null)
            {
                await afterUndo();
            }
        }
        catch (Exception ex)
        {
            // Storage still holds the new state: the next activation repairs (and if need be heals) its rows.
            logger.LogError(ex, "{Key}: undoing a refused transition failed", key);
            grain.GrainContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "undo failed"));
        }
    }

    /// <summary>Rewrites every row from the state; a state the rows refuse is healed once and written again.</summary>
    private async Task RepairAsync()
    {
        try
        {
            await writeRows(state.State);
        }
        catch (Exception ex) when (!RowWrites.IsTransient(ex) && heal(state.State) is { } healed)
        {
            logger.LogWarning(ex, "{Key}: state held text the rows refuse; healing it", key);
            await state.WriteOrRestoreAsync(healed, conflictMessage);
            await writeRows(healed);
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
            await RepairAsync();
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
