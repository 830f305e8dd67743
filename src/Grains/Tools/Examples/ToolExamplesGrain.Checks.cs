using Microsoft.Extensions.Logging;
using Orleans.Utilities;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Tools.Examples;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;

namespace Skriptoteket.Grains.Tools.Examples;

/// <summary>
/// Example checks: queued by the tool grain on save and submit (or started by the studio's "Kör exempel"), run
/// in the background as example-check runs of the saver (sandbox rules, RunKind.ExampleCheck) through the
/// cluster's run queue, a few at a time; a BUSY queue is tried again on the next tick
/// (docs/adr/0012-worked-examples.md).
/// </summary>
internal sealed partial class ToolExamplesGrain
{
    /// <summary>How often the pending checks are looked at while any are left.</summary>
    internal static readonly TimeSpan TickInterval = TimeSpan.FromSeconds(1);

    /// <summary>Check runs of one tool in the queue at once, so a tool's examples never crowd out teachers' runs.</summary>
    internal const int MaxChecksInFlight = 2;

    private IGrainTimer? ticker;
    private ObserverManager<IExampleChecksObserver>? watchers;

    // Pages that show the checks (the studio's examples panel, the versions page) watch instead of polling.
    private ObserverManager<IExampleChecksObserver> Watchers => watchers ??= new(TimeSpan.FromMinutes(5), logger);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Checks left pending by an earlier activation (a silo restart) go on.
        if ((await checks.PendingAsync(ToolId)).Count > 0)
        {
            EnsureTicking();
        }
    }

    public async Task QueueChecksAsync(ActingUser actor, Guid versionId, Guid? supersedes, bool onlyMissing)
    {
        var queued = await checks.QueueAsync(ToolId, versionId, supersedes, onlyMissing, actor);
        if (queued > 0)
        {
            logger.LogInformation("Tool {ToolId}: {Count} example checks queued for version {VersionId}", ToolId, queued, versionId);
            EnsureTicking();
            await ChecksChangedAsync(versionId);
        }
    }

    public async Task<IReadOnlyList<ExampleCheck>> ListChecksAsync(ActingUser actor, Guid versionId)
    {
        await MayListChecksAsync(actor);
        return await ChecksForPublishAsync(versionId);
    }

    private async Task MayListChecksAsync(ActingUser actor)
    {
        await VisibleToolAsync(actor);
        if (!actor.IsAtLeast(Role.Contributor))
        {
            throw DomainException.NotFound("Versionen");
        }
    }

    public async Task SubscribeChecksAsync(ActingUser actor, IExampleChecksObserver observer)
    {
        await MayListChecksAsync(actor);
        Watchers.Subscribe(observer, observer);
    }

    public Task UnsubscribeChecksAsync(IExampleChecksObserver observer)
    {
        Watchers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Tells the watchers (one-way: returns as soon as the messages are sent). <paramref name="versionId"/> is the
    /// version whose checks changed, or Guid.Empty for every version (an accepted result changes them all).
    /// </summary>
    private Task ChecksChangedAsync(Guid versionId) =>
        watchers is null ? Task.CompletedTask : watchers.Notify(w => w.ChecksChangedAsync(versionId));

    public async Task<IReadOnlyList<ExampleCheck>> ChecksForPublishAsync(Guid versionId)
    {
        var rows = await checks.OfVersionAsync(ToolId, versionId);
        if (rows.Any(r => r.Status == "pending"))
        {
            EnsureTicking();
        }
        return [.. rows.Select(ToCheck)];
    }

    /// <summary>The status against the example's expected result as it is now (accepting a result needs no new run).</summary>
    private static ExampleCheck ToCheck(CheckRow row)
    {
        var (status, diff) = row.Status switch
        {
            "pending" => (ExampleCheckStatus.Pending, []),
            "failed" => (ExampleCheckStatus.Failed, []),
            _ when row.ExpectedText is null => (ExampleCheckStatus.NoExpected, []),
            _ when row.ExpectedText == row.OutputText => (ExampleCheckStatus.Unchanged, []),
            _ => (ExampleCheckStatus.Changed, ExampleOutput.Diff(row.ExpectedText, row.OutputText ?? "")),
        };
        return new ExampleCheck(row.ExampleId, row.ExampleName, row.VersionId, status, row.RunId, diff,
            row.Status == "failed" ? row.Error : null, row.QueuedAt, row.FinishedAt) { FirstRunId = row.FirstRunId };
    }

    private void EnsureTicking() =>
        // KeepAlive: the grain stays while checks are pending; the timer stops itself when none are left.
        ticker ??= this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(TimeSpan.Zero, TickInterval) { KeepAlive = true });

    private async Task TickAsync(CancellationToken cancel)
    {
        IReadOnlyList<PendingCheck> pending;
        try
        {
            pending = await checks.PendingAsync(ToolId);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
        {
            logger.LogWarning(ex, "Tool {ToolId}: pending example checks could not be read; trying again", ToolId);
            return;
        }
        if (pending.Count == 0)
        {
            ticker?.Dispose();
            ticker = null;
            return;
        }
        var inFlight = 0;
        foreach (var check in pending)
        {
            if (!await AdvanceAsync(check, inFlight < MaxChecksInFlight))
            {
                continue;
            }
            inFlight++;
        }
    }
}
