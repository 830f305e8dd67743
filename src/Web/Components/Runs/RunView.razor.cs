using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using MudBlazor;
using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Web.Components.Runs;

/// <summary>One run: state (live when the parent re-renders), friendly error, sandboxed HTML, downloads, logs for authors/admins.</summary>
public partial class RunView
{
    [Parameter, EditorRequired]
    public RunInfo Run { get; set; } = null!;

    /// <summary>Show stdout/stderr (sandbox runs and admins only; teachers never see logs).</summary>
    [Parameter]
    public bool ShowLogs { get; set; }

    [Parameter]
    public EventCallback OnCancel { get; set; }

    /// <summary>
    /// Cancel takes a single click only. The click that starts a run brings this view, and its Cancel, into view
    /// under the pointer: the second click of that double click must not cancel the run the first one started.
    /// </summary>
    private Task CancelClickedAsync(MouseEventArgs click) => click.Detail > 1 ? Task.CompletedTask : OnCancel.InvokeAsync();

    /// <summary>
    /// The run page, after Run: the status is scrolled into view and focused when the view first appears, and the
    /// result (its heading and first block) once when it arrives; both may be below the fold at 1366×768 and on a
    /// phone. Updates in between (queued, running) leave the page where the teacher has it.
    /// </summary>
    [Parameter]
    public bool FocusWhenShown { get; set; }

    [Inject] private IJSRuntime JS { get; set; } = null!;

    private ElementReference statusRegion;
    private ElementReference resultHeading;
    private bool resultShown;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!FocusWhenShown)
        {
            return;
        }
        if (firstRender)
        {
            // Focus scrolls the element into view; focus on the live region also makes its state heard at once.
            await statusRegion.FocusAsync(preventScroll: false);
        }
        if (Run.IsFinished && !resultShown)
        {
            resultShown = true;
            try
            {
                await using var module = await JS.InvokeAsync<IJSObjectReference>("import", "./_content/Skriptoteket.Web/run-view.js");
                await module.InvokeVoidAsync("showResult", resultHeading);
            }
            catch (JSDisconnectedException)
            {
                // The teacher left the page as the result arrived: nothing to bring into view.
            }
        }
    }

    private Color StatusColor => Run.Status switch
    {
        RunStatus.Succeeded => Color.Success,
        RunStatus.Queued or RunStatus.Running => Color.Info,
        _ => Color.Error,
    };
}
