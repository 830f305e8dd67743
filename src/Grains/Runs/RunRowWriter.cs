using Microsoft.Extensions.Logging;
using Npgsql;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Execution;

namespace Skriptoteket.Grains.Runs;

/// <summary>
/// Writes one run's row, the run's source of truth (docs/adr/0007). The newest record wins: a write that fails
/// for a transient reason stays pending and its grain retries it, with growing pauses, until it lands. A row the
/// database refuses for its content (a data or constraint error: retrying cannot help) is stored without its
/// output, with the reason kept for operators, so the run still ends final. Used only inside its grain's turns.
/// </summary>
internal sealed class RunRowWriter(Guid runId, RunStore store, RunRowLag lag, ILogger logger)
{
    private static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(30);
    private (RunInfo Run, RunCompletion? Completion)? pending;
    private int failures;

    public bool IsPending => pending is not null;

    /// <summary>Pause before the next retry: 1 s, 2 s, 4 s, … up to 30 s.</summary>
    public TimeSpan NextPause => TimeSpan.FromSeconds(Math.Min(MaxPause.TotalSeconds, Math.Pow(2, Math.Max(0, failures - 1))));

    /// <summary>Makes <paramref name="run"/> the row to write and tries now; false when it stays pending.</summary>
    public Task<bool> WriteAsync(RunInfo run, RunCompletion? completion)
    {
        pending = (run, completion);
        return FlushAsync();
    }

    /// <summary>Writes the pending row, if any; false when it stays pending.</summary>
    public async Task<bool> FlushAsync()
    {
        if (pending is not { } p)
        {
            return true;
        }
        try
        {
            await WriteOrReplaceRefusedAsync(p.Run, p.Completion);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException or IOException)
        {
            failures++;
            lag.Pending(runId);
            logger.LogWarning(e, "Row of run {RunId} ({Status}) not written (attempt {Attempt}); retrying in {PauseSeconds} s",
                runId, p.Run.Status, failures, NextPause.TotalSeconds);
            return false;
        }
        pending = null;
        failures = 0;
        lag.Landed(runId);
        return true;
    }

    private async Task WriteOrReplaceRefusedAsync(RunInfo run, RunCompletion? completion)
    {
        try
        {
            await store.UpsertAsync(run, completion);
        }
        catch (PostgresException e) when (e.SqlState.StartsWith("22", StringComparison.Ordinal)
                                          || e.SqlState.StartsWith("23", StringComparison.Ordinal))
        {
            logger.LogError(e, "Row of run {RunId} refused ({SqlState}); storing the record without its output", runId, e.SqlState);
            var reason = $"runs row refused ({e.SqlState}): {e.MessageText}";
            await store.UpsertAsync(run with { Output = RunOutput.Message(DockerContainerRunner.InternalErrorMessage) },
                completion is null ? null : RunCompletion.Without(run.Status, DockerContainerRunner.InternalErrorMessage, reason));
        }
    }
}
