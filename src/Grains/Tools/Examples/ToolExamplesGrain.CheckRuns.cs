using Microsoft.Extensions.Logging;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Sessions;
using Skriptoteket.Grains.Abstractions.Tools.Examples;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;

namespace Skriptoteket.Grains.Tools.Examples;

/// <summary>
/// The runs of one check (docs/adr/0012-worked-examples.md): the first run as an example-check run, then each step the
/// example lists, in order, through the check's own tool session (ToolSessionKey.ExampleCheck, the one session
/// mechanism, ADR 0016), so a check never touches an author's sandbox session or a teacher's. The check compares the
/// last run's output; a step the run before did not offer, values its form refuses or a failed run end the check
/// failed, naming the step. The row holds the step reached, and each step's run id follows from the check's first run
/// and the step's number (its start key), so a grain that restarts goes on where it was without starting a step twice.
/// </summary>
internal sealed partial class ToolExamplesGrain
{
    /// <summary>Starts, follows or ends one check; true while one of its runs is in the queue.</summary>
    private async Task<bool> AdvanceAsync(PendingCheck check, bool mayStart)
    {
        var run = await RunOfAsync(check, check.CurrentRunId);
        if (run is null)
        {
            // Not started: the first run, or a listed step whose start did not get through (a full queue, a restart).
            return mayStart && (check.StepIndex == 0 ? await StartAsync(check) : await TakeStepAsync(check, previous: null));
        }
        if (!run.IsFinished)
        {
            return true;
        }
        if (await CheckedExampleAsync(check) is not { } example)
        {
            return false; // deleted: its check rows went with it
        }
        if (run.Status != RunStatus.Succeeded)
        {
            await EndAsync(check, example, null, StepError(example, check.StepIndex, FailureText(run)));
            return false;
        }
        if (check.StepIndex < example.Steps.Count)
        {
            return mayStart && await TakeStepAsync(check, run);
        }
        await EndAsync(check, example, ExampleOutput.Normalize(run.Output), null);
        return false;
    }

    private async Task<RunInfo?> RunOfAsync(PendingCheck check, Guid runId)
    {
        try
        {
            return await GrainFactory.GetGrain<IRunGrain>(runId).GetAsync(check.RequestedBy);
        }
        catch (DomainException ex) when (ex.Code == ErrorCode.NotFound)
        {
            return null;
        }
    }

    private async Task<ToolExample?> CheckedExampleAsync(PendingCheck check) =>
        (await examples.ListAsync(ToolId)).FirstOrDefault(e => e.Id == check.ExampleId);

    private async Task<bool> StartAsync(PendingCheck check)
    {
        if (await CheckedExampleAsync(check) is not { } example)
        {
            return false;
        }
        try
        {
            var request = RunRequest.ExampleCheck(check.VersionId, check.RequestedBy, await examples.FilesAsync(example.Id), example.FieldValuesJson)
                with { OpensCheckSession = example.Steps.Count > 0 };
            await GrainFactory.GetGrain<IRunGrain>(check.RunId).StartAsync(request);
            return true;
        }
        catch (DomainException ex) when (ex.Code == ErrorCode.Busy)
        {
            // The queue is full: the check waits for the next tick instead of failing.
            return false;
        }
        catch (DomainException ex)
        {
            // The example does not fit this version (fields or files changed), or the version is gone: it failed.
            await EndAsync(check, example, null, StepError(example, 0, ex.Message));
            return false;
        }
    }

    /// <summary>
    /// Takes the next listed step after <paramref name="previous"/> (its finished run), or, without it, the step the row
    /// says was being started (again, under the same start key: a step that did start is not started twice).
    /// </summary>
    private async Task<bool> TakeStepAsync(PendingCheck check, RunInfo? previous)
    {
        if (await CheckedExampleAsync(check) is not { } example)
        {
            return false;
        }
        var index = previous is null ? check.StepIndex : check.StepIndex + 1;
        var step = example.Steps[index - 1];
        if (previous is not null && previous.Output.NextSteps.All(n => n.Name != step.Step))
        {
            var offered = previous.Output.NextSteps.Select(n => n.Name).ToList();
            await EndAsync(check, example, null, StepError(example, index, offered.Count == 0
                ? $"steget erbjöds inte: steg {index} erbjöd inga fler steg."
                : $"steget erbjöds inte: steg {index} erbjöd {string.Join(", ", offered)}."));
            return false;
        }
        var startKey = StepStartKey(check, index);
        if (previous is not null && !await checks.StepStartedAsync(check, index, RunStartKey.RunIdFor(check.RequestedBy.UserId, startKey)))
        {
            return false; // the check was queued again meanwhile
        }
        var fromRunId = index == 1 ? check.RunId : RunStartKey.RunIdFor(check.RequestedBy.UserId, StepStartKey(check, index - 1));
        try
        {
            await CheckSession(check).TakeStepAsync(check.RequestedBy, new StepRequest(fromRunId, step.Step, step.ValuesJson, startKey));
            return true;
        }
        catch (DomainException ex) when (ex.Code == ErrorCode.Busy)
        {
            return false; // the queue is full: the next tick takes the same step under the same key
        }
        catch (DomainException ex)
        {
            // Values the step's form refuses (the same check a teacher's step gets), or a refused session.
            await EndAsync(check, example, null, StepError(example, index, ex.Message));
            return false;
        }
    }

    /// <summary>Ends the check (its output, or why it failed) and the check's session with its files.</summary>
    private async Task EndAsync(PendingCheck check, ToolExample example, string? output, string? error)
    {
        await checks.FinishAsync(check, ran: output is not null, output, error);
        if (example.Steps.Count > 0)
        {
            try
            {
                await CheckSession(check).ClearAsync(check.RequestedBy);
            }
            catch (DomainException ex)
            {
                // The saver may no longer run the version: the session expires with its files (ADR 0016).
                logger.LogWarning(ex, "Tool {ToolId}: the session of example check {RunId} is left to expire", ToolId, check.RunId);
            }
        }
        await ChecksChangedAsync(check.VersionId);
    }

    private IToolSessionGrain CheckSession(PendingCheck check) =>
        GrainFactory.GetGrain<IToolSessionGrain>(ToolSessionKey.ExampleCheck(check.RunId, check.RequestedBy.UserId));

    /// <summary>The start key of listed step <paramref name="index"/> (1-based): one run per check and step.</summary>
    private static string StepStartKey(PendingCheck check, int index) => $"example-check:{check.RunId:N}:{index}";

    /// <summary>
    /// Why a check failed, naming the step when the example has steps ("Steg 2 (dela): …", numbered as the run page
    /// numbers them: the first run is step 1).
    /// </summary>
    private static string StepError(ToolExample example, int index, string text) => (example.Steps.Count, index) switch
    {
        (0, _) => text,
        (_, 0) => $"Steg 1: {text}",
        _ => $"Steg {ExampleStepRules.Number(index - 1)} ({example.Steps[index - 1].Step}): {text}",
    };

    private static string FailureText(RunInfo run) =>
        run.Output.ErrorDetail ?? run.Output.ErrorSummary ?? run.Status switch
        {
            RunStatus.TimedOut => "Körningen tog för lång tid.",
            RunStatus.Canceled => "Körningen avbröts.",
            _ => "Körningen misslyckades.",
        };
}
