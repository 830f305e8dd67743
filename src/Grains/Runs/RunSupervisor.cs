using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Execution;

namespace Skriptoteket.Grains.Runs;

/// <summary>
/// Supervises this silo's runs in the background, outside any grain turn: waits for a slot, runs the
/// container, stores artifacts, and reports each step to the run grain.
/// </summary>
internal sealed class RunSupervisor(
    RunSlots slots,
    IContainerRunner runner,
    ArtifactStore artifacts,
    IGrainFactory grains,
    ILocalSiloDetails silo,
    RunMetrics metrics,
    ILogger<RunSupervisor> logger)
{
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> active = new();

    public string SiloName => silo.Name;

    public bool IsSupervising(Guid runId) => active.ContainsKey(runId);

    /// <summary>
    /// Refuses as busy before anything is stored when this silo is full; <see cref="Launch"/> stays the
    /// authoritative check (another run may take the last place in between).
    /// </summary>
    public void EnsureCapacity()
    {
        if (slots.IsFull)
        {
            throw RunSlots.Busy();
        }
    }

    /// <summary>Takes a slot or a queue place (refused as busy when the queue is full) and returns the queue position (0 = slot).</summary>
    public int Launch(RunnerJob job, RunKind kind, Guid toolId)
    {
        var runId = job.RunId;
        var ticket = slots.Enter(position => Report(runId, g => g.ReportQueuePositionAsync(position)));
        var cancel = new CancellationTokenSource();
        active[runId] = cancel;
        // Task.Run leaves the grain's scheduler: the container is never supervised inside a grain turn.
        _ = Task.Run(() => SuperviseAsync(job, kind, toolId, ticket, cancel));
        return ticket.Position;
    }

    public void Cancel(Guid runId)
    {
        if (active.TryGetValue(runId, out var cancel))
        {
            try
            {
                cancel.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The run finished between the lookup and the cancel: nothing left to stop.
            }
        }
    }

    private async Task SuperviseAsync(RunnerJob job, RunKind kind, Guid toolId, RunSlots.Ticket ticket, CancellationTokenSource cancel)
    {
        var grain = grains.GetGrain<IRunSupervision>(job.RunId);
        // Every line logged while supervising (here, in the runner, in Docker calls) names the run and its tool.
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["RunId"] = job.RunId, ["ToolId"] = toolId });
        // A child of the call that started the run (Activity.Current flowed into Task.Run), when tracing is on.
        using var activity = RunMetrics.Tracing.StartActivity("run container");
        activity?.SetTag("skriptoteket.run_id", job.RunId.ToString());
        activity?.SetTag("skriptoteket.tool_id", toolId.ToString());
        activity?.SetTag("skriptoteket.run_kind", RunText.Kind(kind));
        var queued = Stopwatch.StartNew();
        try
        {
            try
            {
                await ticket.Acquired.WaitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                metrics.Record(kind, RunStatus.Canceled, 0);
                await grain.ReportFinishedAsync(RunCompletion.Without(RunStatus.Canceled, RunGrain.CanceledMessage));
                return;
            }
            var waited = queued.Elapsed;
            metrics.Waited(waited);
            await grain.ReportRunningAsync();
            var outcome = await runner.RunAsync(job, silo.Name, cancel.Token);
            ticket.Dispose();
            await artifacts.SaveAsync(job.RunId, outcome.Files);
            var completion = outcome.Completion;
            if (outcome.StartMilliseconds > 0)
            {
                metrics.ContainerStarted(outcome.StartMilliseconds);
            }
            metrics.Record(kind, completion.Status, completion.ContainerMilliseconds);
            activity?.SetTag("skriptoteket.run_status", RunText.Status(completion.Status));
            // Names and figures only: never inputs, output or script source (docs/operations.md, logs).
            logger.LogInformation(
                "Run {RunId} of tool {ToolId} ({Kind}) ended {Status} in {DurationMs} ms (script {ScriptMs} ms, queued {QueuedMs} ms), {ArtifactCount} artifacts",
                job.RunId, toolId, RunText.Kind(kind), RunText.Status(completion.Status), completion.ContainerMilliseconds,
                completion.ScriptMilliseconds, (long)waited.TotalMilliseconds,
                completion.Output.Artifacts.Count);
            if (completion.InternalError is { } internalError)
            {
                logger.LogWarning("Run {RunId} failed internally: {InternalError}", job.RunId, internalError);
            }
            await grain.ReportFinishedAsync(completion);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Run {RunId} of tool {ToolId} could not be supervised", job.RunId, toolId);
            activity?.SetStatus(ActivityStatusCode.Error);
            metrics.Record(kind, RunStatus.Failed, 0);
            await grain.ReportFinishedAsync(RunCompletion.Without(RunStatus.Failed, DockerContainerRunner.InternalErrorMessage, e.Message));
        }
        finally
        {
            ticket.Dispose();
            active.TryRemove(job.RunId, out _);
            cancel.Dispose();
        }
    }

    private void Report(Guid runId, Func<IRunSupervision, Task> report) =>
        _ = Task.Run(async () =>
        {
            try
            {
                await report(grains.GetGrain<IRunSupervision>(runId));
            }
            catch (Exception e)
            {
                // A lost position update is harmless (the next one or the final state follows), but say so.
                logger.LogWarning(e, "Queue position of run {RunId} could not be reported", runId);
            }
        });
}
