using System.Diagnostics;
using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Runs;

namespace Skriptoteket.Grains.Execution;

/// <summary>
/// Drives one container per run through the Engine API: create, attach, start, stream the job tar in,
/// read the result tar out under a hard wall-clock deadline, inspect (OOM), remove.
/// </summary>
internal sealed class DockerContainerRunner(
    DockerClientProvider docker,
    IOptions<ExecutionOptions> options,
    ILogger<DockerContainerRunner> logger,
    IOptions<ClusterOptions>? cluster = null) : IContainerRunner
{
    internal const string InternalErrorMessage = "Körningen kunde inte slutföras på grund av ett internt fel.";
    internal const string OomMessage = "Skriptet avbröts (troligen för mycket minne).";

    public async Task<RunnerOutcome> RunAsync(RunnerJob job, string silo, CancellationToken cancel)
    {
        var o = options.Value;
        var containers = docker.Client.Containers;
        var clock = Stopwatch.StartNew();
        var hardDeadline = TimeSpan.FromSeconds(job.TimeoutSeconds + o.HardKillMarginSeconds);
        string? id = null;
        long startMs = 0;
        try
        {
            // Not cancelable: a create canceled in flight can still make the container, and without its id the
            // finally below could not remove it (a canceled run then left a "Created" container behind).
            id = (await containers.CreateContainerAsync(ContainerSpec.Create(job.RunId, silo, cluster?.Value.ClusterId, o), CancellationToken.None)).ID;
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            deadline.CancelAfter(hardDeadline);
            var output = new ContainerOutput(OutputLimit(o));
            try
            {
                deadline.Token.ThrowIfCancellationRequested();
                using var stream = await containers.AttachContainerAsync(id, tty: false,
                    new ContainerAttachParameters { Stream = true, Stdin = true, Stdout = true, Stderr = true }, deadline.Token);
                await containers.StartContainerAsync(id, new ContainerStartParameters(), deadline.Token);
                startMs = clock.ElapsedMilliseconds;
                var reading = output.ReadAsync(stream, deadline.Token);
                var tar = RunnerJobTar.Build(job, o);
                await stream.WriteAsync(tar, 0, tar.Length, deadline.Token);
                stream.CloseWrite();
                await reading;
                await containers.WaitContainerAsync(id, deadline.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                await KillAsync(id);
                var status = cancel.IsCancellationRequested ? RunStatus.Canceled : RunStatus.TimedOut;
                var message = status == RunStatus.Canceled
                    ? "Körningen avbröts."
                    : $"Tidsgränsen överskreds ({job.TimeoutSeconds} s).";
                return Empty(status, message, false, clock.ElapsedMilliseconds, null) with { StartMilliseconds = startMs };
            }
            var state = (await containers.InspectContainerAsync(id, CancellationToken.None)).State;
            var parsed = state.ExitCode == 0 && !output.Overflowed ? TryParse(output, o, job.RunId) : null;
            if (parsed is null)
            {
                var detail = $"exit {state.ExitCode}, oom {state.OOMKilled}, overflow {output.Overflowed}: {output.Diagnostics}";
                return Empty(RunStatus.Failed, state.OOMKilled ? OomMessage : InternalErrorMessage,
                    state.OOMKilled, clock.ElapsedMilliseconds, state.OOMKilled ? null : detail) with { StartMilliseconds = startMs };
            }
            return parsed with
            {
                StartMilliseconds = startMs,
                Completion = parsed.Completion with { OomKilled = state.OOMKilled, ContainerMilliseconds = clock.ElapsedMilliseconds },
            };
        }
        finally
        {
            if (id is not null)
            {
                await RemoveAsync(id);
            }
        }
    }

    private RunnerOutcome? TryParse(ContainerOutput output, ExecutionOptions o, Guid runId)
    {
        try
        {
            output.Result.Position = 0;
            return RunnerResultTar.Read(output.Result, o, runId);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or System.Text.Json.JsonException
                                      or EndOfStreamException or InvalidOperationException)
        {
            logger.LogWarning(e, "Unreadable result tar from the runner container");
            return null;
        }
    }

    /// <summary>The most a well-behaved wrapper can send: all caps plus room for tar headers and result.json.</summary>
    private static long OutputLimit(ExecutionOptions o) =>
        o.ArtifactTotalBytesCap + o.HtmlCapBytes * 2L + o.BlocksBytesCap * 2L + o.StdoutCapBytes + o.StderrCapBytes
        + (o.ArtifactCountCap + 10) * 2048L + 1024 * 1024;

    private async Task KillAsync(string id)
    {
        try
        {
            await docker.Client.Containers.KillContainerAsync(id, new ContainerKillParameters(), CancellationToken.None);
        }
        catch (DockerApiException e)
        {
            // Already stopped between the deadline and the kill: nothing left to stop.
            logger.LogDebug(e, "Kill of container {ContainerId} not needed", id);
        }
    }

    private async Task RemoveAsync(string id)
    {
        try
        {
            await docker.Client.Containers.RemoveContainerAsync(id,
                new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, CancellationToken.None);
        }
        catch (DockerContainerNotFoundException)
        {
            // Already gone: that is the goal.
        }
    }

    private static RunnerOutcome Empty(RunStatus status, string message, bool oom, long ms, string? internalError) =>
        RunnerOutcome.Without(RunCompletion.Without(status, message, internalError) with { OomKilled = oom, ContainerMilliseconds = ms });
}
