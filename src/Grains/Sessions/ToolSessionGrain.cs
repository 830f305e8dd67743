using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Sessions;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;
using Skriptoteket.Grains.Persistence;
using Skriptoteket.Grains.Runs;

namespace Skriptoteket.Grains.Sessions;

/// <summary>
/// One person's session with one tool or sandbox version, the single writer of its steps
/// (docs/adr/0016-tool-sessions.md). The grain is not reentrant: two steps never start side by side. It trusts no
/// caller about a run: it reads every run it adopts from the run's own grain, and it catches up by itself when a
/// run's "finished" notification was lost.
/// </summary>
internal sealed class ToolSessionGrain(
    [PersistentState("toolSession", StorageNames.Store)] IPersistentState<ToolSessionState> state,
    ToolSessionStore sessions,
    ArtifactStore files,
    ToolVersionReader versions,
    IOptions<SessionLimits> limits,
    IOptions<UploadLimits> uploads,
    [FromKeyedServices(SessionClock.Key)] TimeProvider time,
    RowLag lag,
    ILogger<ToolSessionGrain> logger) : Grain, IToolSessionGrain, IToolSessionExpiry
{
    private const string ConflictMessage = "Sessionen ändrades samtidigt på annat håll. Läs in den igen.";

    private SessionSubject? subject;
    private SessionFileLimits fileLimits = null!;
    private RowKeeper<ToolSessionState>? rows;

    private string Key => this.GetPrimaryKeyString();

    private SessionKind Kind => subject?.Kind ?? SessionKind.Production;

    private ActingUser Owner => subject!.Owner;

    private RowKeeper<ToolSessionState> Rows => rows ??= new(this, state, lag, $"session/{Key}",
        s => sessions.WriteAsync(Key, Kind, subject!.UserId, s, time.GetUtcNow()), _ => null, ConflictMessage, logger);

    private ToolSessionInfo Info => state.State.Info(Key, Kind);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        subject = SessionSubject.Parse(Key, versions, GrainFactory);
        // A step's files travel to its run in one grain message: together at most what one run may upload.
        fileLimits = new SessionFileLimits(uploads.Value.MaxRunBytes, Key, logger);
        state.State ??= ToolSessionState.None;
        if (subject is not null && state.RecordExists)
        {
            await Rows.RepairOnActivationAsync();
        }
    }

    public async Task<ToolSessionInfo> GetAsync(ActingUser user)
    {
        await EnsureReachableAsync(user);
        await CatchUpAsync();
        return Info;
    }

    public async Task<ToolSessionInfo> TakeStepAsync(ActingUser user, StepRequest request)
    {
        await EnsureReachableAsync(user);
        var startKey = RunStartKey.Check(request.StartKey);
        var runId = startKey is null ? Guid.NewGuid() : RunStartKey.RunIdFor(user.UserId, startKey);
        if (startKey is not null && state.State.RunIds.Contains(runId))
        {
            // A repeat of a step already started (a double click, a retried request): that step, not a second one.
            // The opening run's key is no step's.
            return runId != state.State.RunIds[0] ? Info : throw SessionRefusals.AlreadyStarted();
        }
        await CatchUpAsync();
        if (!state.State.RunIds.Contains(request.FromRunId))
        {
            // The run the page came from may have opened a session whose notification has not arrived yet.
            await AdoptRunAsync(request.FromRunId);
        }
        var s = state.State;
        if (!s.IsOpen)
        {
            throw SessionRefusals.Ended();
        }
        if (s.StepRunning || s.LatestRunId != request.FromRunId)
        {
            throw SessionRefusals.Stale();
        }
        var step = s.NextSteps.FirstOrDefault(n => n.Name == request.StepName) ?? throw SessionRefusals.UnknownStep(request.StepName ?? "");
        fileLimits.Check(s);
        var form = new ToolInputs(step.Fields, new FileInputs(0, 0));
        if (ToolInputRules.Problems(form) is { Count: > 0 } problems)
        {
            throw SessionRefusals.StepFormInvalid(problems);
        }
        // The step's values against its own form, before any container starts (the run grain trusts this check).
        var values = FieldValueRules.Check(form, request.FieldValuesJson);
        var session = new RunSessionStep(Key, step.Name, s.StateJson, await files.ReadSessionFilesAsync(s.Files));
        var run = await subject!.StepRunAsync(user, request, values, s.VersionId) with { StartKey = startKey, Session = session };
        var started = await GrainFactory.GetGrain<IRunGrain>(runId).StartAsync(run);
        if (started.SessionKey != Key || started.StepName != step.Name || s.RunIds.Contains(started.RunId))
        {
            // The start key was used before for another run (another step, another session, or no step at all):
            // that run is not this step, so nothing is adopted.
            throw SessionRefusals.AlreadyStarted();
        }
        await Rows.CommitAsync(s with
        {
            RunIds = [.. s.RunIds, runId],
            LatestRunId = runId,
            StepRunning = true,
            ExpiresAt = time.GetUtcNow() + limits.Value.Retention,
        });
        logger.LogInformation("Session {SessionKey} took step {Step} as run {RunId}", Key, step.Name, runId);
        return Info;
    }

    public async Task<ToolSessionInfo> ClearAsync(ActingUser user)
    {
        await EnsureReachableAsync(user);
        await EndAsync("cleared");
        return Info;
    }

    public async Task RunFinishedAsync(Guid runId)
    {
        if (subject is null)
        {
            return;
        }
        await AdoptRunAsync(runId);
    }

    public async Task<IReadOnlyList<string>?> ExpireAsync()
    {
        var s = state.State;
        return subject is not null && s.IsOpen && s.ExpiresAt <= time.GetUtcNow() ? await EndAsync("expired") : null;
    }

    private async Task EnsureReachableAsync(ActingUser user)
    {
        if (subject is null || !await subject.MayReachAsync(user))
        {
            throw SessionRefusals.NotFound();
        }
    }

    /// <summary>An idle session past its time ends; a step whose notification was lost is adopted from its run.</summary>
    private async Task CatchUpAsync()
    {
        var s = state.State;
        if (s.IsOpen && s.ExpiresAt <= time.GetUtcNow())
        {
            await EndAsync("expired");
            return;
        }
        if (s is { StepRunning: true, LatestRunId: { } running })
        {
            var run = await GrainFactory.GetGrain<IRunGrain>(running).GetAsync(Owner);
            if (run.IsFinished)
            {
                await AdoptAsync(run);
            }
        }
    }

    private async Task AdoptRunAsync(Guid runId)
    {
        RunInfo run;
        try
        {
            run = await GrainFactory.GetGrain<IRunGrain>(runId).GetAsync(Owner);
        }
        catch (Abstractions.Errors.DomainException)
        {
            // Not the owner's run, or no run at all: nothing to adopt (a forged run id in a step request).
            return;
        }
        await AdoptAsync(run);
    }

    /// <summary>
    /// Takes a finished run into the session: an opening run (no step name) that offers steps replaces any older
    /// session; the running step's run becomes the latest, or ends the session when it offers no step.
    /// </summary>
    private async Task AdoptAsync(RunInfo run)
    {
        if (subject?.Owns(run) != true || !run.IsFinished)
        {
            return;
        }
        var s = state.State;
        var offered = Offered(run);
        if (run.StepName is null)
        {
            if (offered.Count == 0 || s.RunIds.Contains(run.RunId) || run.CreatedAt <= s.OpenedAt)
            {
                return;
            }
            var older = s.RunIds;
            var now = time.GetUtcNow();
            await Rows.CommitAsync(new ToolSessionState
            {
                ToolId = run.ToolId,
                VersionId = run.VersionId,
                RunIds = [run.RunId],
                LatestRunId = run.RunId,
                NextSteps = offered,
                StateJson = run.Output.SessionStateJson ?? "{}",
                StepsTotal = run.Output.StepsTotal,
                Files = fileLimits.WithinLimit(ToolSessionState.OnePerName(await files.ListSessionFilesAsync(run.RunId))),
                OpenedAt = run.CreatedAt,
                ExpiresAt = now + limits.Value.Retention,
            });
            logger.LogInformation("Session {SessionKey} opened by run {RunId}", Key, run.RunId);
            await RemoveFilesAsync(older, "replaced");
            return;
        }
        if (!s.StepRunning || s.LatestRunId != run.RunId || run.SessionKey != Key)
        {
            return;
        }
        if (offered.Count == 0)
        {
            await EndAsync("ended");
            return;
        }
        await Rows.CommitAsync(s with
        {
            VersionId = run.VersionId,
            StepRunning = false,
            NextSteps = offered,
            // No state from a step is an empty one (the runner sends an emptied st.state as none), never the old state.
            StateJson = run.Output.SessionStateJson ?? "{}",
            StepsTotal = run.Output.StepsTotal ?? s.StepsTotal,
            Files = fileLimits.WithinLimit(s.FilesWith(await files.ListSessionFilesAsync(run.RunId))),
            ExpiresAt = time.GetUtcNow() + limits.Value.Retention,
        });
    }

    /// <summary>Ends the session (no runs, no steps) and deletes its files; returns their names.</summary>
    private async Task<IReadOnlyList<string>> EndAsync(string reason)
    {
        var runIds = state.State.RunIds;
        if (runIds.Count == 0)
        {
            return [];
        }
        // The opening time stays: an older opening run never reopens what was ended.
        await Rows.CommitAsync(ToolSessionState.None with { OpenedAt = state.State.OpenedAt });
        return await RemoveFilesAsync(runIds, reason);
    }

    private async Task<IReadOnlyList<string>> RemoveFilesAsync(IReadOnlyList<Guid> runIds, string reason)
    {
        try
        {
            var removed = await files.RemoveSessionFilesAsync(runIds);
            // A count only: file names can name pupils or classes.
            logger.LogInformation("Session {SessionKey} {Reason}: removed {FileCount} session file(s) of runs {RunIds}",
                Key, reason, removed.Count, runIds);
            return removed;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            // The session has already moved on; files no session lists are the retention sweep's (RemoveOrphanSessionFilesAsync).
            logger.LogWarning(e, "Session {SessionKey} {Reason}: its files of runs {RunIds} are left to the retention sweep", Key, reason, runIds);
            return [];
        }
    }

    /// <summary>The steps a finished run offers (a failed run offers none), at most the limit, each name once.</summary>
    private static IReadOnlyList<NextStep> Offered(RunInfo run) => run.Status == RunStatus.Succeeded
        ? [.. run.Output.NextSteps.DistinctBy(n => n.Name).Take(SessionLimits.MaxNextSteps)]
        : [];
}
