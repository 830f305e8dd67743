using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Utilities;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Audit;
using Skriptoteket.Grains.Execution;
using Skriptoteket.Grains.Persistence;

namespace Skriptoteket.Grains.Runs;

/// <summary>
/// One run's record and life. Placed only on silos with Execution:Enabled (docs/adr/0005-run-placement.md);
/// the container itself is supervised by this silo's <see cref="RunSupervisor"/>, which reports back here.
/// </summary>
internal sealed class RunGrain(
    [PersistentState("run", StorageNames.Store)] IPersistentState<RunState> state,
    RunSupervisor supervisor,
    RunStore store,
    ToolVersionReader versions,
    ArtifactStore artifacts,
    IOptions<ExecutionOptions> options,
    IAuditLog audit,
    TimeProvider time,
    ILogger<RunGrain> logger) : Grain, IRunGrain, IRunSupervision
{
    internal const string CanceledMessage = "Körningen avbröts.";
    internal const string InterruptedMessage = "Körningen avbröts eftersom servern som körde den startades om.";

    private readonly ObserverManager<IRunObserver, RunViewer> observers = new(TimeSpan.FromMinutes(5), logger);
    private RunInfo? record;

    private Guid RunId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!state.State.Exists)
        {
            return;
        }
        record = await store.GetAsync(RunId) ?? FromState(null);
        if (!record.IsFinished && !supervisor.IsSupervising(RunId))
        {
            // Its supervisor is gone (the silo died or restarted): the run can never finish now.
            await FinishAsync(RunCompletion.Without(RunStatus.Interrupted, InterruptedMessage));
        }
    }

    async Task<RunInfo> IRunGrain.StartAsync(RunRequest request)
    {
        if (state.State.Exists)
        {
            return Visible(request.RequestedBy);
        }
        var version = await ResolveAsync(request);
        // Authors may sandbox-run a script that reads no file; a teacher's run must hand the script its file.
        if (request.Kind == RunKind.Production && !RunInputRules.HasRequiredFiles(request.Inputs.Count))
        {
            throw DomainException.Invalid("Välj en fil att köra verktyget med.", "Run.FileRequired");
        }
        var inputs = UploadPolicy.Check(request.Inputs, options.Value.MaxUploadBytes);
        supervisor.EnsureCapacity();
        var o = options.Value;
        var job = new RunnerJob(RunId, version.Source, version.Entrypoint,
            [.. inputs.Select(i => new RunnerInput(i.FileName, i.Content))],
            request.Kind == RunKind.Sandbox ? o.SandboxTimeoutSeconds : o.ProductionTimeoutSeconds);
        var s = state.State;
        s.Exists = true;
        s.Kind = request.Kind;
        s.Status = RunStatus.Queued;
        s.ToolId = version.ToolId;
        s.VersionId = version.VersionId;
        s.RequestedBy = request.RequestedBy.UserId;
        s.CreatedAt = time.GetUtcNow();
        s.Silo = supervisor.SiloName;
        s.Inputs = [.. inputs.Select(i => new RunInputInfo(i.FileName, i.Content.LongLength))];
        try
        {
            // Persist first: a run the supervisor reports on must already exist as a record.
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = new RunState();
            throw;
        }
        int position;
        try
        {
            position = supervisor.Launch(job, request.Kind, version.ToolId);
        }
        catch (DomainException)
        {
            state.State = new RunState();
            await state.ClearStateAsync();
            throw;
        }
        // The supervisor may report from now on, so the record must exist before the next await.
        record = FromState(position == 0 ? null : position);
        this.DelayDeactivation(TimeSpan.FromHours(2));
        try
        {
            if (request.Kind == RunKind.Sandbox)
            {
                // Authors may want to look at what they tested with; production inputs are never stored.
                await artifacts.SaveSandboxInputsAsync(RunId, inputs);
            }
            await store.UpsertAsync(record, null);
            await audit.AppendAsync(new AuditEntry(request.RequestedBy.UserId, "run.started", "run", RunId.ToString(),
                new Dictionary<string, object?> { ["kind"] = RunText.Kind(request.Kind), ["tool_id"] = version.ToolId, ["version_id"] = version.VersionId }));
        }
        catch
        {
            // Stop the container; its supervisor then reports the run canceled, which finishes the record.
            supervisor.Cancel(RunId);
            throw;
        }
        return RunRedaction.For(request.RequestedBy, record);
    }

    Task<RunInfo> IRunGrain.GetAsync(ActingUser user) => Task.FromResult(Visible(user));

    async Task<RunArtifactContent> IRunGrain.GetArtifactAsync(ActingUser user, int artifactId)
    {
        var artifact = Visible(user).Artifacts.FirstOrDefault(a => a.Id == artifactId)
                       ?? throw DomainException.NotFound("Filen");
        await using var stream = artifacts.Open(RunId, artifact) ?? throw DomainException.NotFound("Filen");
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return new RunArtifactContent(artifact.Name, copy.ToArray());
    }

    async Task<RunInfo> IRunGrain.CancelAsync(ActingUser user)
    {
        var run = Visible(user);
        if (run.IsFinished)
        {
            throw DomainException.Conflict("Körningen är redan avslutad.");
        }
        supervisor.Cancel(RunId);
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
        if (record is not null && state.State.Status == RunStatus.Queued && position > 0 && record.QueuePosition != position)
        {
            await PublishAsync(record with { QueuePosition = position }, null);
        }
    }

    async Task IRunSupervision.ReportRunningAsync()
    {
        if (record is null || state.State.Status != RunStatus.Queued)
        {
            return;
        }
        await WriteAsync(s => { s.Status = RunStatus.Running; s.StartedAt = time.GetUtcNow(); });
        await PublishAsync(FromState(null), null);
    }

    Task IRunSupervision.ReportFinishedAsync(RunCompletion completion) =>
        record is null || record.IsFinished ? Task.CompletedTask : FinishAsync(completion);

    private async Task FinishAsync(RunCompletion c)
    {
        await WriteAsync(s => { s.Status = c.Status; s.FinishedAt = time.GetUtcNow(); });
        await PublishAsync(FromState(null) with
        {
            Html = c.Html, Stdout = c.Stdout, Stderr = c.Stderr, ErrorSummary = c.ErrorSummary,
            Artifacts = c.Artifacts, SkippedArtifacts = c.SkippedArtifacts, OutputTruncated = c.OutputTruncated,
        }, c);
    }

    private async Task WriteAsync(Action<RunState> change)
    {
        var before = state.State.Copy();
        change(state.State);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.RestoreFrom(before);
            throw;
        }
    }

    private async Task PublishAsync(RunInfo next, RunCompletion? completion)
    {
        record = next;
        await store.UpsertAsync(next, completion);
        await observers.Notify(v => v.Observer.RunChangedAsync(RunRedaction.For(v.User, next)));
    }

    private async Task<ToolVersionToRun> ResolveAsync(RunRequest request)
    {
        if (request.Kind == RunKind.Sandbox)
        {
            var version = request.VersionId is { } id ? await versions.FindVersionAsync(id) : null;
            return version is not null && RunAccessPolicy.MaySandboxRun(request.RequestedBy, version.CreatedBy)
                ? version
                : throw DomainException.NotFound("Versionen");
        }
        return (request.ToolSlug is { Length: > 0 } slug ? await versions.FindPublishedAsync(slug) : null)
               ?? throw DomainException.NotFound("Verktyget");
    }

    private RunInfo Visible(ActingUser user) =>
        state.State.Exists && RunAccessPolicy.MaySee(user, state.State.RequestedBy)
            ? RunRedaction.For(user, record!)
            : throw DomainException.NotFound("Körningen");

    private RunInfo FromState(int? position)
    {
        var s = state.State;
        return new RunInfo(RunId, s.Kind, s.Status, s.ToolId, s.VersionId, s.RequestedBy, position,
            record?.Html ?? "", record?.Stdout ?? "", record?.Stderr ?? "", record?.ErrorSummary,
            record?.Artifacts ?? [], s.Inputs, s.CreatedAt, s.StartedAt, s.FinishedAt, s.Silo,
            record?.OutputTruncated ?? false, record?.SkippedArtifacts ?? []);
    }
}
