using Skriptoteket.Web.Localization;
using System.Diagnostics;
using Microsoft.JSInterop;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Tools;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;
using Skriptoteket.Web.Components.Studio;
using Skriptoteket.Web.Tools;

namespace Skriptoteket.Web.Components.Pages.Studio;

/// <summary>Problems before running: the editor's text is checked shortly after typing stops (studio.js) and on save.</summary>
public sealed partial class Studio
{
    [JSInvokable]
    public async Task CheckFromEditor(string text)
    {
        currentText = text;
        restored = false;
        await InvokeAsync(() => CheckAsync(text));
    }

    private async Task CheckAsync(string text)
    {
        // Checks overlap while typing; only the newest one may set the problems.
        var sequence = ++checkSequence;
        checking = true;
        checkFailed = null;
        UpdateSubmit();
        StateHasChanged();
        var watch = Stopwatch.StartNew();
        IReadOnlyList<ScriptProblem> found;
        try
        {
            found = await StudioApi.CheckAsync(text, string.IsNullOrWhiteSpace(entrypoint) ? "run_tool" : entrypoint.Trim());
        }
        catch (DomainException ex)
        {
            if (sequence == checkSequence)
            {
                checking = false;
                checkFailed = ErrorText.For(L, ex);
                UpdateSubmit();
                StateHasChanged();
            }
            return;
        }
        if (sequence != checkSequence)
        {
            return;
        }
        problems = found;
        lastCheckMs = watch.ElapsedMilliseconds;
        checking = false;
        if (module is not null)
        {
            await module.InvokeVoidAsync("setMarkers", EditorPanel.EditorId,
                problems.Select(p => new { line = p.Line, column = p.Column, message = ProblemText.Describe(S, p) }));
        }
        UpdateSubmit();
        StateHasChanged();
    }

    private void UpdateSubmit()
    {
        var unsaved = draft is not null && (currentText != draft.Source || (entrypoint ?? "").Trim() != draft.Header.Entrypoint
                                            || ToolInputsJson.Write(inputs) != ToolInputsJson.Write(draft.Header.Declared));
        submit = actor is null ? ActionAvailability.Hidden : StudioActions.Submit(actor, tool?.MayWorkOnTool ?? false, draft?.Header, unsaved, checking ? 1 : problems.Count);
    }
}
