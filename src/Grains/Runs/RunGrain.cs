using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Utilities;
using Skriptoteket.Grains.Persistence;
using Skriptoteket.Grains.Abstractions;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Audit;
using Skriptoteket.Grains.Execution;

namespace Skriptoteket.Grains.Runs;

/// <summary>
/// One run's record and life, on any silo. The run waits in the cluster's one queue until a runner silo claims
/// it; that silo's <see cref="RunSupervisor"/> runs the container and reports back here
/// (docs/adr/0009-cluster-run-queue.md). The record's source of truth is its runs row
/// (docs/adr/0007-run-record-source-of-truth.md): the grain keeps no state of its own, reads the row on
/// activation and writes it on every change, retrying until it lands.
/// </summary>
internal sealed partial class RunGrain(
    RunQueue queue,
    RunStore store,
    RowLag lag,
    RunMetrics metrics,
    ToolVersionReader versions,
    ArtifactStore artifacts,
    RunSessionLink sessions,
    RunSettings settings,
    IOptions<ExecutionOptions> options,
    IOptions<UploadLimits> uploads,
    IAuditLog audit,
    TimeProvider time,
    ILogger<RunGrain> logger) : Grain, IRunGrain, IRunSupervision
{
    internal const string CanceledMessage = "Körningen avbröts.";
    internal const string InterruptedMessage = "Körningen avbröts eftersom servern som körde den startades om.";

    private readonly ObserverManager<IRunObserver, RunViewer> observers = new(TimeSpan.FromMinutes(5), logger);
    private RunRowWriter rows = null!;
    private IGrainTimer? retry;
    private RunInfo? record;

    // Completed when the record finishes (SaveAsync), for the callers of WaitFinishedAsync.
    private readonly TaskCompletionSource finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // The uploads of a run that may open a session, kept in memory until it finishes: production inputs are
    // stored only when the run offers next steps (they become the session's files, docs/adr/0016-tool-sessions.md).
    private IReadOnlyList<RunInputFile> openingUploads = [];

    private Guid RunId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        rows = new RunRowWriter(RunId, store, lag, logger);
        record = await store.GetAsync(RunId);
        if (record is { IsFinished: false } && !await queue.HoldsAsync(RunId))
        {
            // Out of the queue yet unfinished: whoever ran it is gone (a silo died or restarted); it never finishes now.
            await FinishAsync(RunCompletion.Without(RunStatus.Interrupted, InterruptedMessage));
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (rows.IsPending && !await rows.FlushAsync())
        {
            // The silo is going away with the row still behind: its next start (RunRecovery) or the next
            // activation finalizes the run from what the row says.
            logger.LogError("Run {RunId} deactivated ({Reason}) before its row was written", RunId, reason.Description);
        }
    }

    async Task<RunInfo> IRunGrain.StartAsync(RunRequest request)
    {
        if (record is not null)
        {
            // A repeat of the same start (the same key, or a retry of the same call): the run it already made.
            return Visible(request.RequestedBy);
        }
        // A key names exactly one run id (RunStartKey): a start under another id would be a second run of one intent.
        if (RunStartKey.Check(request.StartKey) is not null && RunStartKey.RunIdOf(request) != RunId)
        {
            throw new InvalidOperationException($"Run {RunId} started with a key that names another run id");
        }
        var version = await versions.ForRequestAsync(request);
        // Files and field values as the version declares them (RunInputCheck), before any row or container; a
        // session's step brings values its session grain checked against the step's own form.
        var fieldValues = request.Session is { } step ? RunSessionLink.StepValues(request, step, version) : RunInputCheck.Check(request, version.Inputs);
        string? snapshotEntrypoint = null;
        if (request.Kind.RunsAsSandbox() && request.SnapshotSource is { } text)
        {
            // Unsaved editor text runs on behalf of the version it was opened on (which decided who may run it).
            snapshotEntrypoint = RunSnapshotRules.Check(text, request.SnapshotEntrypoint);
            version = version with { Source = text, Entrypoint = snapshotEntrypoint };
        }
        var inputs = UploadPolicy.Check(request.Inputs, uploads.Value);
        var settingsJson = await settings.ForAsync(request, version);
        var o = options.Value;
        var job = new RunnerJob(RunId, version.Source, version.Entrypoint,
            [.. inputs.Select(i => new RunnerInput(i.FileName, i.Content))],
            request.Kind.RunsAsSandbox() ? o.SandboxTimeoutSeconds : o.ProductionTimeoutSeconds, fieldValues)
        {
            SettingsJson = settingsJson,
            CurrentStep = request.Session?.StepName,
            StateJson = request.Session?.StateJson ?? "{}",
            SessionFiles = [.. (request.Session?.Files ?? []).Select(f => new RunnerInput(f.FileName, f.Content))],
        };
        var queued = new RunInfo(RunId, request.Kind, RunStatus.Queued, version.ToolId, version.VersionId,
            request.RequestedBy.UserId, null, RunOutput.None,
            [.. inputs.Select(i => new RunInputInfo(i.FileName, i.Content.LongLength))],
            time.GetUtcNow(), null, null, null)
        {
            FromEditor = snapshotEntrypoint is not null,
            SnapshotSource = snapshotEntrypoint is null ? null : version.Source,
            SnapshotEntrypoint = snapshotEntrypoint,
            StartKey = request.StartKey,
            FieldValuesJson = fieldValues,
            ExampleId = request.ExampleId,
            SessionKey = RunSessionLink.SessionKeyAtStart(request, RunId),
            StepName = request.Session?.StepName,
        };
        if (snapshotEntrypoint is not null)
        {
            await store.SaveSnapshotAsync(RunId, version.Source, snapshotEntrypoint);
        }
        // The row first: a run whose record cannot be written is refused before anything runs.
        try
        {
            await store.UpsertAsync(queued, null);
        }
        catch (Npgsql.PostgresException e) when (e.ConstraintName == RunStore.StartKeyIndex)
        {
            // The table's last guard of one run per key (RunStartKey): never a second run of the same intent.
            throw DomainException.Conflict("Körningen har redan startats.", "Run.AlreadyStarted");
        }
        record = queued;
        openingUploads = RunSessionLink.MayOpenSession(request) ? inputs : [];
        int? position;
        try
        {
            position = await queue.EnqueueAsync(job, request.Kind, version.ToolId, o.MaxQueuedRuns);
        }
        catch
        {
            record = null;
            await ForgetRefusedAsync();
            throw;
        }
        if (position is null)
        {
            record = null;
            await ForgetRefusedAsync();
            throw RunQueue.Busy();
        }
        this.DelayDeactivation(TimeSpan.FromHours(2));
        metrics.Started(request.Kind);
        // The caller's correlation id (set by the web front end) ties a teacher's request to this run id.
        logger.LogInformation("Run {RunId} of tool {ToolId} ({Kind}) accepted at cluster queue position {QueuePosition}; correlation {CorrelationId}",
            RunId, version.ToolId, RunText.Kind(request.Kind), position, Correlation.Current);
        try
        {
            // A claimer's "running" report waits for this turn to end (the grain is not reentrant), so the record is
            // still queued. The three writes are independent: side by side they cost one round trip, not three.
            await Task.WhenAll(
                SaveAsync(record with { QueuePosition = position }, null),
                // Authors may want to look at what they tested with; production inputs are never stored.
                request.Kind.RunsAsSandbox() ? artifacts.SaveSandboxInputsAsync(RunId, inputs) : Task.CompletedTask,
                audit.AppendAsync(new AuditEntry(request.RequestedBy.UserId, "run.started", "run", RunId.ToString(),
                    new Dictionary<string, object?> { ["kind"] = RunText.Kind(request.Kind), ["tool_id"] = version.ToolId, ["version_id"] = version.VersionId, ["from_editor"] = snapshotEntrypoint is not null })));
        }
        catch
        {
            // Take the run back out of the queue (or stop its container) and end it, so nothing is left waiting.
            await queue.CancelAsync(RunId);
            await FinishAsync(RunCompletion.Without(RunStatus.Canceled, CanceledMessage));
            throw;
        }
        return RunRedaction.For(request.RequestedBy, record);
    }

    Task<RunInfo> IRunGrain.GetAsync(ActingUser user) => Task.FromResult(Visible(user));

    async Task<RunInfo> IRunGrain.WaitFinishedAsync(ActingUser user, TimeSpan limit)
    {
        if (!Visible(user).IsFinished && limit > TimeSpan.Zero)
        {
            try
            {
                await finished.Task.WaitAsync(limit < RunWaits.LongestCall ? limit : RunWaits.LongestCall);
            }
            catch (TimeoutException)
            {
                // Still going: the caller gets the run as it is now.
            }
        }
        return Visible(user);
    }

    async Task<RunArtifactContent> IRunGrain.GetArtifactAsync(ActingUser user, int artifactId)
    {
        var artifact = Visible(user).Output.Artifacts.FirstOrDefault(a => a.Id == artifactId)
                       ?? throw DomainException.NotFound("Filen");
        await using var stream = await artifacts.OpenAsync(RunId, artifact) ?? throw DomainException.NotFound("Filen");
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return new RunArtifactContent(artifact.Name, copy.ToArray());
    }

    async Task<RunInfo> IRunGrain.CancelAsync(ActingUser user)
    {
        var run = Visible(user);
        if (run.IsFinished)
        {
            throw DomainException.Conflict("Körningen är redan avslutad.", "Run.AlreadyFinished");
        }
        // A waiting run leaves the queue now; a running one's claimer stops its container and drops the row.
        await queue.CancelAsync(RunId);
        await FinishAsync(RunCompletion.Without(RunStatus.Canceled, CanceledMessage));
        await audit.AppendAsync(new AuditEntry(user.UserId, "run.canceled", "run", RunId.ToString()));
        return RunRedaction.For(user, record!);
    }

    Task IRunGrain.SubscribeAsync(ActingUser user, IRunObserver observer)
    {
        Visible(user);
        observers.Subscribe(observer, new RunViewer(observer, user));
        return Task.CompletedTask;
    }

    Task IRunGrain.UnsubscribeAsync(IRunObserver observer)
    {
        observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    async Task IRunSupervision.ReportQueuePositionAsync(int position)
    {
        if (record is { Status: RunStatus.Queued } && position > 0 && record.QueuePosition != position)
        {
            await SaveAsync(record with { QueuePosition = position }, null);
        }
    }

    async Task IRunSupervision.ReportRunningAsync(string silo)
    {
        if (record is { Status: RunStatus.Queued })
        {
            await SaveAsync(record with { Status = RunStatus.Running, QueuePosition = null, StartedAt = time.GetUtcNow(), Silo = silo }, null);
        }
    }

    Task IRunSupervision.ReportFinishedAsync(RunCompletion completion) =>
        record is null || record.IsFinished ? Task.CompletedTask : FinishAsync(completion);

    private async Task FinishAsync(RunCompletion c)
    {
        var finished = record! with { Status = c.Status, QueuePosition = null, Output = c.Output, FinishedAt = time.GetUtcNow() };
        var sessionKey = RunSessionLink.SessionKeyOf(finished);
        if (sessionKey is not null && finished.SessionKey is null)
        {
            // An opening run: it belongs to the session it opens.
            finished = finished with { SessionKey = sessionKey };
        }
        if (sessionKey is not null && RunSessionLink.OffersSteps(finished))
        {
            // The session's files are stored before anyone hears the run finished, so a step never misses them.
            await sessions.KeepSessionFilesAsync(RunId, openingUploads, finished);
        }
        openingUploads = [];
        await SaveAsync(finished, c);
        if (sessionKey is not null)
        {
            await sessions.TellSessionAsync(sessionKey, RunId);
        }
    }

    private RunInfo Visible(ActingUser user) =>
        record is not null && RunAccessPolicy.MaySee(user, record.RequestedBy)
            ? RunRedaction.For(user, record)
            : throw DomainException.NotFound("Körningen");
}
