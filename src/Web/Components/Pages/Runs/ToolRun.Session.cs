using Microsoft.AspNetCore.Components.Web;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Sessions;
using Skriptoteket.Web.Components.Runs;
using Skriptoteket.Web.Localization;
using Skriptoteket.Web.Runs;

namespace Skriptoteket.Web.Components.Pages.Runs;

/// <summary>
/// The run page's side of a tool session (docs/adr/0016-tool-sessions.md): the earlier steps' results collapsed
/// above, the latest run live, the steps it offers as forms, "Steg N av M" and "Börja om". Everything is read
/// back from the session grain on a reload; a step from a stale view is refused there and the page then shows the
/// latest step, keeping what was typed into a step that is still offered.
/// </summary>
public sealed partial class ToolRun
{
    private List<RunInfo> earlierRuns = [];
    private RunInfo? latest;
    private int? stepsTotal;
    private Dictionary<string, FieldForm> stepForms = [];
    private Guid? formsFor;
    private bool startedOver;

    // Controls act once the circuit is live (the prerendered page cannot).
    private bool interactive;

    /// <summary>The latest run as last shown (live updates included).</summary>
    private RunInfo? Latest => latest?.RunId == run?.RunId ? latest : run;

    private IReadOnlyList<NextStep> OfferedSteps => SessionSteps.OfferedBy(Latest);

    private bool InSession => Latest is { } r && (earlierRuns.Count > 0 || r.SessionKey is not null || OfferedSteps.Count > 0);

    /// <summary>The last step of a session: finished, part of it, and offering nothing further.</summary>
    private bool SessionDone => Latest is { IsFinished: true } && earlierRuns.Count > 0 && OfferedSteps.Count == 0;

    /// <summary>The session ended because its last step did not succeed (a failed step offers nothing).</summary>
    private bool SessionFailed => SessionDone && Latest!.Status != RunStatus.Succeeded;

    /// <summary>The step the teacher is on: the runs so far, plus the offered step's form when there is one.</summary>
    private int StepNumber => earlierRuns.Count + 1 + (OfferedSteps.Count > 0 ? 1 : 0);

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            interactive = true;
            StateHasChanged();
        }
    }

    /// <summary>The forms of the latest run's steps: new ones when another run offers them, carrying over what was typed by step name.</summary>
    private Dictionary<string, FieldForm> FormsOfLatest()
    {
        if (Latest is { } r && formsFor != r.RunId)
        {
            formsFor = r.RunId;
            stepForms = SessionSteps.CarryOver(OfferedSteps, stepForms);
        }
        return stepForms;
    }

    private async Task ShowSessionAsync()
    {
        ToolSessionInfo session;
        try
        {
            session = await Sessions.GetAsync(tool!.Id);
        }
        catch (DomainException e)
        {
            // The page still offers the first form; the reason the session could not be read is said above it.
            failure = ErrorText.For(Text, e);
            return;
        }
        if (!session.IsOpen)
        {
            return;
        }
        var runs = new List<RunInfo>();
        foreach (var id in session.RunIds)
        {
            runs.Add(await Runs.GetAsync(id));
        }
        earlierRuns = runs[..^1];
        run = latest = runs[^1];
        stepsTotal = session.StepsTotal;
    }

    private async Task TakeStepAsync(StepSubmission submission)
    {
        var from = Latest!;
        var stale = false;
        submission.Form.Clear();
        if (!submission.Form.Check())
        {
            return;
        }
        startedOver = false;
        await LaunchAsync(submission.Click, async key =>
            {
                var session = await Sessions.TakeStepAsync(tool!.Id,
                    new StepRequest(from.RunId, submission.Step.Name, submission.Form.ToJson(), key));
                var step = await Runs.GetAsync(session.LatestRunId!.Value);
                stepsTotal = session.StepsTotal ?? from.Output.StepsTotal ?? stepsTotal;
                if (step.RunId != from.RunId && earlierRuns.All(r => r.RunId != from.RunId))
                {
                    earlierRuns = [.. earlierRuns, from];
                }
                return step;
            },
            e =>
            {
                stale = e.Key is "Session.Stale" or "Session.Ended";
                return !stale && submission.Form.Show(e) ? null : ErrorText.For(Text, e);
            });
        if (stale)
        {
            // Another tab (or an older view) moved the session on: show where it is now, keeping the message.
            var message = failure;
            run = null;
            earlierRuns = [];
            await ShowSessionAsync();
            failure = message;
        }
    }

    private async Task StartOverAsync(MouseEventArgs click)
    {
        if (launch.Busy && Latest is { IsFinished: false })
        {
            return;
        }
        try
        {
            await Sessions.ClearAsync(tool!.Id);
        }
        catch (DomainException e)
        {
            failure = ErrorText.For(Text, e);
            return;
        }
        run = latest = null;
        ForgetSession();
        failure = null;
        startedOver = true;
    }

    /// <summary>
    /// The page no longer shows a session: after "Börja om", and when a new first run (the form, an example) takes the
    /// old session's place, so its steps are neither counted nor listed and its typed values do not fill the new forms.
    /// </summary>
    private void ForgetSession()
    {
        earlierRuns = [];
        stepForms = [];
        formsFor = null;
        stepsTotal = null;
        startedOver = false;
    }
}
