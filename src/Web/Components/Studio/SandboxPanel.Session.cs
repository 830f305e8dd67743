using Microsoft.AspNetCore.Components;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Sessions;
using Skriptoteket.Web.Components.Runs;
using Skriptoteket.Web.Localization;
using Skriptoteket.Web.Runs;
using MudBlazor;

namespace Skriptoteket.Web.Components.Studio;

/// <summary>What the editor holds now: a step of a sandbox session that began on the editor's text runs this text.</summary>
public sealed record EditorSnapshot(string Source, string Entrypoint);

/// <summary>
/// The sandbox's side of a tool session (docs/adr/0016-tool-sessions.md): the run page's step forms
/// (<see cref="SessionSteps"/>) on the author's own sandbox session with the version
/// (<see cref="SessionService.TakeSandboxStepAsync"/>), so a teacher's session is never touched. Each step of a run
/// from the editor runs the editor's text as it is when the step is taken, as the first run did.
/// </summary>
public sealed partial class SandboxPanel
{
    private Dictionary<string, FieldForm> stepForms = [];
    private Guid? formsFor;
    private int? stepsTotal;
    private bool startedOver;

    // How many runs of the sandbox session lead up to the shown one (it included); 0: not known to be in one.
    private int sessionRuns;

    [Inject] private SessionService Sessions { get; set; } = null!;

    /// <summary>Reads the editor's text and entrypoint now (for the steps of a run of the editor's text).</summary>
    [Parameter, EditorRequired] public Func<Task<EditorSnapshot>> ReadEditor { get; set; } = null!;

    private IReadOnlyList<NextStep> OfferedSteps => sessionRuns > 0 ? SessionSteps.OfferedBy(current) : [];

    private bool InSession => current is not null && (sessionRuns > 1 || OfferedSteps.Count > 0);

    private bool SessionDone => current is { IsFinished: true } && sessionRuns > 1 && OfferedSteps.Count == 0;

    // The run page's count: the runs so far plus the offered step's form.
    private int StepNumber => sessionRuns + 1;

    private Dictionary<string, FieldForm> FormsOfCurrent()
    {
        if (current is { } r && formsFor != r.RunId)
        {
            formsFor = r.RunId;
            stepForms = SessionSteps.CarryOver(OfferedSteps, stepForms);
        }
        return stepForms;
    }

    /// <summary>Where a shown run stands in its sandbox session: a first run opens one; a step's place is asked of the session.</summary>
    private async Task PlaceInSessionAsync(RunInfo run)
    {
        startedOver = false;
        stepsTotal = null;
        if (run.Kind == RunKind.ExampleCheck)
        {
            // An example's run: its listed steps belong to the check's own session, which takes them itself.
            sessionRuns = 0;
            return;
        }
        if (run.StepName is null)
        {
            sessionRuns = 1;
            return;
        }
        var session = await Sessions.GetSandboxAsync(run.VersionId);
        stepsTotal = session.StepsTotal;
        sessionRuns = session.RunIds.ToList().IndexOf(run.RunId) + 1;
    }

    private async Task TakeStepAsync(StepSubmission submission)
    {
        var from = current!;
        submission.Form.Clear();
        if (!submission.Form.Check())
        {
            return;
        }
        try
        {
            var step = await launch.StartAsync(submission.Click, async key =>
            {
                var editor = from.FromEditor ? await ReadEditor() : null;
                var session = await Sessions.TakeSandboxStepAsync(from.VersionId, new StepRequest(
                    from.RunId, submission.Step.Name, submission.Form.ToJson(), key, editor?.Source, editor?.Entrypoint));
                sessionRuns = session.RunIds.Count;
                stepsTotal = session.StepsTotal ?? from.Output.StepsTotal ?? stepsTotal;
                return await Runs.GetAsync(session.LatestRunId!.Value);
            });
            if (step is not null)
            {
                await ShowAsync(step);
                await OnRunsChanged.InvokeAsync();
            }
        }
        catch (DomainException e)
        {
            submission.Form.Show(e);
            Snackbar.Add(ErrorText.For(Text, e), Severity.Warning);
        }
    }

    /// <summary>"Börja om": ends the sandbox session (its files go) and brings back the first form alone.</summary>
    private async Task StartOverAsync()
    {
        if (current is not { } run || (launch.Busy && !run.IsFinished))
        {
            return;
        }
        try
        {
            await Sessions.ClearSandboxAsync(run.VersionId);
        }
        catch (DomainException e)
        {
            Snackbar.Add(ErrorText.For(Text, e), Severity.Warning);
            return;
        }
        await StopAsync();
        current = null;
        sessionRuns = 0;
        stepForms = [];
        formsFor = null;
        stepsTotal = null;
        startedOver = true;
    }
}
