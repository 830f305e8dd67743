using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Execution;

namespace Skriptoteket.Grains.Runs;

/// <summary>
/// Supervises the runs this runner silo claimed from the cluster's queue, outside any grain turn: runs the
/// container, stores artifacts, reports each step to the run's grain (wherever it lives) and then releases
/// the queue row. Known to the dispatcher, which renews the leases of <see cref="ActiveRuns"/>.
/// </summary>
internal sealed class RunSupervisor(
    IContainerRunner runner,
    ArtifactStore artifacts,
    RunQueue queue,
    IGrainFactory grains,
    ILocalSiloDetails silo,
    RunMetrics metrics,
    ILogger<RunSupervisor> logger)
{
    private static readonly TimeSpan ReportPatience = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<Guid, Supervised> active = new();

    public string SiloName => silo.Name;

    public IReadOnlyCollection<Guid> ActiveRuns => [.. active.Keys];

    /// <summary>Stops a run's container; its run then ends canceled (or interrupted, when the silo is stopping).</summary>
    public void Cancel(Guid runId, bool interrupted = false)
    {
        if (active.TryGetValue(runId, out var run))
        {
            run.Interrupted |= interrupted;
            try
            {
                run.Cancel.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The run finished between the lookup and the cancel: nothing left to stop.
            }
        }
    }

    /// <summary>
    /// Runs one claimed job to its end; never throws (every failure ends the run and is logged). Returns false
    /// when the run failed because the Docker engine could not be reached, so the dispatcher pauses its claims.
    /// </summary>
    public async Task<bool> SuperviseAsync(ClaimedRun claim, CancellationToken stopping)
    {
        var job = claim.Job;
        using var cancel = new CancellationTokenSource();
        var run = new Supervised(cancel);
        active[job.RunId] = run;
        var grain = grains.GetGrain<IRunSupervision>(job.RunId);
        // Every line logged while supervising (here, in the runner, in Docker calls) names the run and its tool: as a
        // template, so the log shows a sentence (a dictionary would print as its type name) beside the two ids.
        using var scope = logger.BeginScope("Run {RunId} of tool {ToolId}", job.RunId, claim.ToolId);
        using var activity = RunMetrics.Tracing.StartActivity("run container");
        activity?.SetTag("skriptoteket.run_id", job.RunId.ToString());
        activity?.SetTag("skriptoteket.tool_id", claim.ToolId.ToString());
        activity?.SetTag("skriptoteket.run_kind", RunText.Kind(claim.Kind));
        var waited = DateTimeOffset.UtcNow - claim.EnqueuedAt;
        metrics.Waited(waited);
        RunCompletion completion;
        // "Running" travels beside the container's start, not before it (docs/performance.md): the grain's row
        // write no longer delays the run. The outcome is reported only after this report has landed.
        var running = ReportRunningAsync(grain, job.RunId);
        var removal = Task.CompletedTask;
        try
        {
            var outcome = await runner.RunBeforeRemovalAsync(job, silo.Name, cancel.Token);
            removal = outcome.Removal;
            await artifacts.SaveAsync(job.RunId, outcome.Files);
            completion = run.Interrupted
                ? RunCompletion.Without(RunStatus.Interrupted, RunGrain.InterruptedMessage)
                : outcome.Completion;
            if (completion.ContainerMilliseconds > 0)
            {
                // A run that reached a container: a warm pool container was started before the run (0 ms).
                metrics.ContainerStarted(outcome.StartMilliseconds);
            }
            // Names and figures only: never inputs, output or script source (docs/operations.md, logs).
            logger.LogInformation(
                "Run {RunId} of tool {ToolId} ({Kind}) ended {Status} on {Silo} in {DurationMs} ms (script {ScriptMs} ms, queued {QueuedMs} ms), {ArtifactCount} artifacts, imports {Imports}, container {Container}",
                job.RunId, claim.ToolId, RunText.Kind(claim.Kind), RunText.Status(completion.Status), silo.Name,
                completion.ContainerMilliseconds, completion.ScriptMilliseconds, (long)waited.TotalMilliseconds,
                completion.Output.Artifacts.Count, outcome.Imports, outcome.Container);
            if (completion.InternalError is { } internalError)
            {
                logger.LogWarning("Run {RunId} failed internally: {InternalError}", job.RunId, internalError);
            }
        }
        catch (Exception e)
        {
            logger.LogError(e, "Run {RunId} of tool {ToolId} could not be supervised", job.RunId, claim.ToolId);
            activity?.SetStatus(ActivityStatusCode.Error);
            completion = RunCompletion.Without(RunStatus.Failed, DockerContainerRunner.InternalErrorMessage, e.Message);
            run.EngineFailed = DockerEngine.IsUnreachable(e);
        }
        metrics.Record(claim.Kind, completion.Status, completion.ContainerMilliseconds);
        activity?.SetTag("skriptoteket.run_status", RunText.Status(completion.Status));
        await running;
        // The queue row stays (and its lease is renewed) until the grain has the outcome: if this silo dies
        // first, the cluster still knows the run was here and ends it interrupted. The container's removal goes
        // on meanwhile; the slot is free only once it is gone, so a silo never holds more containers than slots.
        if (await PersistAsync(() => grain.ReportFinishedAsync(completion), job.RunId, "outcome", stopping))
        {
            await PersistAsync(() => queue.RemoveAsync(job.RunId), job.RunId, "queue row removal", stopping);
        }
        await AwaitRemovalAsync(removal, job.RunId);
        active.TryRemove(job.RunId, out _);
        return !run.EngineFailed;
    }

    private async Task AwaitRemovalAsync(Task removal, Guid runId)
    {
        try
        {
            await removal;
        }
        catch (Exception e)
        {
            // The outcome stands; the container is left to the leftover sweep (it carries this silo's labels).
            logger.LogError(e, "Container of run {RunId} could not be removed", runId);
        }
    }

    private async Task ReportRunningAsync(IRunSupervision grain, Guid runId)
    {
        try
        {
            await grain.ReportRunningAsync(silo.Name);
        }
        catch (Exception e)
        {
            // Only the "running" step is lost; the outcome is reported (with retries) when the run ends.
            logger.LogWarning(e, "Start of run {RunId} could not be reported", runId);
        }
    }

    /// <summary>Retries a step that must land (PostgreSQL or the grain's silo may be away for a while).</summary>
    private async Task<bool> PersistAsync(Func<Task> step, Guid runId, string what, CancellationToken stopping)
    {
        var clock = Stopwatch.StartNew();
        for (var pause = TimeSpan.FromMilliseconds(200); ; pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromSeconds(5).Ticks)))
        {
            try
            {
                await step();
                return true;
            }
            catch (Exception e) when (clock.Elapsed < ReportPatience && !stopping.IsCancellationRequested)
            {
                logger.LogWarning(e, "Run {RunId}: {What} not stored yet; retrying in {Pause} ms", runId, what, (long)pause.TotalMilliseconds);
            }
            catch (Exception e)
            {
                // Given up: the lease runs out and the cluster ends the run interrupted (ADR 0009).
                logger.LogError(e, "Run {RunId}: {What} could not be stored", runId, what);
                return false;
            }
            try
            {
                await Task.Delay(pause, stopping);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }
    }

    private sealed class Supervised(CancellationTokenSource cancel)
    {
        public CancellationTokenSource Cancel { get; } = cancel;

        public bool Interrupted { get; set; }

        public bool EngineFailed { get; set; }
    }
}
