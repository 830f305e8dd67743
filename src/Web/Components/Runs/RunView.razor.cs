using Microsoft.AspNetCore.Components;
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
    /// Scroll the status into view and focus it when the view first appears (the run page, after Run): the result
    /// may start below the fold. Later updates leave the page where the teacher has it.
    /// </summary>
    [Parameter]
    public bool FocusWhenShown { get; set; }

    private ElementReference statusRegion;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && FocusWhenShown)
        {
            // Focus scrolls the element into view; focus on the live region also makes its state heard at once.
            await statusRegion.FocusAsync(preventScroll: false);
        }
    }

    private Color StatusColor => Run.Status switch
    {
        RunStatus.Succeeded => Color.Success,
        RunStatus.Queued or RunStatus.Running => Color.Info,
        _ => Color.Error,
    };
}
