using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Sessions;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;
using Skriptoteket.Web.Runs;

namespace Skriptoteket.Web.Components.Runs;

/// <summary>A step the teacher asked to take: the step, its form (what was typed), the click that asked.</summary>
public sealed record StepSubmission(NextStep Step, FieldForm Form, MouseEventArgs Click);

/// <summary>
/// The offered steps of a tool session's latest run (docs/adr/0016-tool-sessions.md), drawn with the run form's
/// own field inputs and checks. The forms live in <see cref="Forms"/>, which the page keeps: a re-render, a stale
/// refusal or a reload of the session never wipes what the teacher typed into a step that is still offered.
/// </summary>
public sealed partial class SessionSteps
{
    [Parameter, EditorRequired] public IReadOnlyList<NextStep> Steps { get; set; } = [];

    /// <summary>The page's forms by step name (kept across renders).</summary>
    [Parameter, EditorRequired] public Dictionary<string, FieldForm> Forms { get; set; } = null!;

    [Parameter, EditorRequired] public RunLaunch Launch { get; set; } = null!;

    /// <summary>The step number the teacher is on, and how many the tool said there are (null: unknown).</summary>
    [Parameter] public int Step { get; set; }

    [Parameter] public int? StepsTotal { get; set; }

    [Parameter] public bool Interactive { get; set; }

    [Parameter] public EventCallback<StepSubmission> OnTake { get; set; }

    private string StepText => StepsTotal is { } total && total >= Step ? L["Session.StepOf", Step, total] : L["Session.Step", Step];

    private FieldForm FormOf(NextStep step)
    {
        if (!Forms.TryGetValue(step.Name, out var form))
        {
            form = new FieldForm(new ToolInputs(step.Fields, new FileInputs(0, 0)));
            Forms[step.Name] = form;
        }
        return form;
    }

    /// <summary>The steps a run offers: only a run that succeeded offers any (each name once, at most the limit).</summary>
    public static IReadOnlyList<NextStep> OfferedBy(RunInfo? run) => run is { Status: RunStatus.Succeeded }
        ? [.. run.Output.NextSteps.DistinctBy(n => n.Name).Take(SessionLimits.MaxNextSteps)]
        : [];

    /// <summary>The forms of <paramref name="steps"/>, each starting from what was typed into the same step before (by name), else its defaults.</summary>
    public static Dictionary<string, FieldForm> CarryOver(IReadOnlyList<NextStep> steps, Dictionary<string, FieldForm> typed) =>
        steps.ToDictionary(s => s.Name, s => new FieldForm(new ToolInputs(s.Fields, new FileInputs(0, 0)),
            typed.TryGetValue(s.Name, out var before) ? before.ToJson() : null));
}
