using System.Diagnostics;
using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Sessions;

namespace Skriptoteket.Grains.Execution;

/// <summary>
/// Runs each job in its own container through the Engine API: takes a warm one from the pool when one is ready
/// (docs/execution.md, "Warm pool"), else creates, attaches and starts one; streams the job tar in, reads the
/// result tar out under a hard wall-clock deadline counted from the job's delivery, inspects (OOM), removes.
/// </summary>
internal sealed class DockerContainerRunner(
    DockerClientProvider docker,
    IOptionsMonitor<ExecutionOptions> options,
    ILogger<DockerContainerRunner> logger,
    WarmContainerPool? pool = null,
    IOptions<ClusterOptions>? cluster = null) : IContainerRunner
{
    internal const string InternalErrorMessage = PlatformFailureText.InternalError;
    internal const string OomMessage = PlatformFailureText.OutOfMemory;

    public async Task<RunnerOutcome> RunAsync(RunnerJob job, string silo, CancellationToken cancel)
    {
        var outcome = await RunBeforeRemovalAsync(job, silo, cancel);
        await outcome.Removal;
        return outcome;
    }

    public Task<RunnerOutcome> RunBeforeRemovalAsync(RunnerJob job, string silo, CancellationToken cancel)
    {
        // The curated libraries the script imports, from its source at this moment (docs/execution.md, "Warm pool"):
        // it picks the warm container and steers the pool's refills.
        var profile = ImportProfile.Of(job.Source);
        var warm = pool?.TryTake(silo, profile);
        return warm is null ? RunColdAsync(job, silo, profile, cancel) : RunWarmAsync(warm, job, profile, cancel);
    }

    private async Task<RunnerOutcome> RunColdAsync(RunnerJob job, string silo, ImportProfile profile, CancellationToken cancel)
    {
        var o = options.CurrentValue;
        var clock = Stopwatch.StartNew();
        string? id = null;
        try
        {
            // Not cancelable: a create canceled in flight can still make the container, and without its id the
            // catch below could not remove it (a canceled run then left a "Created" container behind).
            id = (await docker.Client.Containers.CreateContainerAsync(
                ContainerSpec.Create(job.RunId, silo, cluster?.Value.ClusterId, o), CancellationToken.None)).ID;
            var outcome = await RunCreatedAsync(id, job, o, cancel, clock);
            // The outcome is final: the container goes beside whatever the caller does with it.
            return outcome with { Removal = RemoveAsync(id), Imports = profile };
        }
        catch
        {
            if (id is not null)
            {
                await RemoveAsync(id);
            }
            throw;
        }
    }

    private async Task<RunnerOutcome> RunCreatedAsync(string id, RunnerJob job, ExecutionOptions o, CancellationToken cancel, Stopwatch clock)
    {
        var containers = docker.Client.Containers;
        using var deadline = Deadline(job, o, cancel);
        var output = new ContainerOutput(OutputLimit(o));
        MultiplexedStream stream;
        long startMs;
        try
        {
            deadline.Token.ThrowIfCancellationRequested();
            stream = await containers.AttachContainerAsync(id, tty: false,
                new ContainerAttachParameters { Stream = true, Stdin = true, Stdout = true, Stderr = true }, deadline.Token);
            await containers.StartContainerAsync(id, new ContainerStartParameters(), deadline.Token);
            startMs = clock.ElapsedMilliseconds;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return await StoppedAsync(id, job, cancel, clock, 0);
        }
        using (stream)
        {
            return await DeliverAsync(id, stream, output, output.ReadAsync(stream, deadline.Token), null,
                job, o, deadline, cancel, clock, startMs);
        }
    }

    /// <summary>
    /// A warm container is already started and its output already read: the run's clock and hard deadline start
    /// here, at the job's delivery. Beside the delivery, off the run's path, it gets a run's CPU weight (it waited at
    /// the lowest, so warming yields to running scripts) and is renamed for the run so an operator and the tests find
    /// it by the run's container name.
    /// </summary>
    private async Task<RunnerOutcome> RunWarmAsync(WarmContainer warm, RunnerJob job, ImportProfile profile, CancellationToken cancel)
    {
        var o = options.CurrentValue;
        var clock = Stopwatch.StartNew();
        var claiming = ClaimAsync(warm.Id, job.RunId);
        RunnerOutcome outcome;
        try
        {
            using var deadline = Deadline(job, o, cancel);
            using (warm.Stream)
            {
                outcome = await DeliverAsync(warm.Id, warm.Stream, warm.Output, warm.Reading, warm,
                    job, o, deadline, cancel, clock, 0);
            }
        }
        catch
        {
            await RemoveClaimedAsync(claiming, warm.Id);
            throw;
        }
        return outcome with { Removal = RemoveClaimedAsync(claiming, warm.Id), Imports = profile, WarmProfile = warm.Profile };
    }

    /// <summary>A claim still in flight must end first: removing under it would make the engine refuse one of the two.</summary>
    private async Task RemoveClaimedAsync(Task claiming, string id)
    {
        await claiming;
        await RemoveAsync(id);
    }

    private async Task<RunnerOutcome> DeliverAsync(string id, MultiplexedStream stream, ContainerOutput output, Task reading,
        WarmContainer? warm, RunnerJob job, ExecutionOptions o, CancellationTokenSource deadline, CancellationToken cancel,
        Stopwatch clock, long startMs)
    {
        var containers = docker.Client.Containers;
        long exitCode;
        try
        {
            deadline.Token.ThrowIfCancellationRequested();
            var tar = RunnerJobTar.Build(job, o);
            await stream.WriteAsync(tar, 0, tar.Length, deadline.Token);
            stream.CloseWrite();
            await reading.WaitAsync(deadline.Token);
            exitCode = (await containers.WaitContainerAsync(id, deadline.Token)).StatusCode;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return await StoppedAsync(id, job, cancel, clock, startMs);
        }
        var parsed = exitCode == 0 && !output.Overflowed ? TryParse(output, o, job.RunId) : null;
        if (parsed?.Completion.Status == RunStatus.Succeeded)
        {
            // The wrapper exited 0 with a valid result of a successful script: nothing was OOM-killed that
            // mattered, so the inspect below (one more engine round trip) is spared on the common path.
            return parsed with
            {
                StartMilliseconds = startMs,
                Completion = parsed.Completion with { ContainerMilliseconds = clock.ElapsedMilliseconds },
            };
        }
        var state = (await containers.InspectContainerAsync(id, CancellationToken.None)).State;
        if (parsed is null)
        {
            var broken = warm?.ReadError is { } e ? $", read error {e.Message}" : "";
            var detail = $"exit {state.ExitCode}, oom {state.OOMKilled}, overflow {output.Overflowed}{broken}: {output.Diagnostics}";
            return Empty(RunStatus.Failed, state.OOMKilled ? OomMessage : InternalErrorMessage,
                state.OOMKilled, clock.ElapsedMilliseconds, state.OOMKilled ? null : detail) with { StartMilliseconds = startMs };
        }
        return parsed with
        {
            StartMilliseconds = startMs,
            Completion = parsed.Completion with { OomKilled = state.OOMKilled, ContainerMilliseconds = clock.ElapsedMilliseconds },
        };
    }

    /// <summary>The hard deadline: the wrapper's timeout plus a margin, from now (the job's delivery is next).</summary>
    private static CancellationTokenSource Deadline(RunnerJob job, ExecutionOptions o, CancellationToken cancel)
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        deadline.CancelAfter(TimeSpan.FromSeconds(job.TimeoutSeconds + o.HardKillMarginSeconds));
        return deadline;
    }

    /// <summary>Canceled by the requester or past the hard deadline: kill and say which.</summary>
    private async Task<RunnerOutcome> StoppedAsync(string id, RunnerJob job, CancellationToken cancel, Stopwatch clock, long startMs)
    {
        await KillAsync(id);
        var status = cancel.IsCancellationRequested ? RunStatus.Canceled : RunStatus.TimedOut;
        var message = status == RunStatus.Canceled
            ? "Körningen avbröts."
            : $"Tidsgränsen överskreds ({job.TimeoutSeconds} s).";
        return Empty(status, message, false, clock.ElapsedMilliseconds, null) with { StartMilliseconds = startMs };
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
    internal static long OutputLimit(ExecutionOptions o) =>
        o.ArtifactTotalBytesCap + o.HtmlCapBytes * 2L + o.BlocksBytesCap * 2L + o.StdoutCapBytes + o.StderrCapBytes
        + SessionLimits.MaxStateBytes * 2L + (o.ArtifactCountCap + 10) * 2048L + 1024 * 1024;

    /// <summary>Makes a taken warm container the run's: a run's CPU weight, then the run's name.</summary>
    private async Task ClaimAsync(string id, Guid runId)
    {
        var containers = docker.Client.Containers;
        try
        {
            await containers.UpdateContainerAsync(id, new ContainerUpdateParameters { CPUShares = ContainerSpec.RunCpuShares },
                CancellationToken.None);
        }
        catch (DockerApiException e)
        {
            // The run goes on at the waiting weight: slower only while other scripts compete for the cores.
            logger.LogWarning(e, "Warm container {ContainerId} kept its waiting CPU weight for run {RunId}", id, runId);
        }
        try
        {
            await containers.RenameContainerAsync(id, new ContainerRenameParameters { NewName = ContainerSpec.NameFor(runId) },
                CancellationToken.None);
        }
        catch (DockerApiException e)
        {
            // The run goes on under the pool name; only the name an operator would look for is missing.
            logger.LogWarning(e, "Warm container {ContainerId} could not be renamed for run {RunId}", id, runId);
        }
    }

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
