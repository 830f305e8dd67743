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

    private Color StatusColor => Run.Status switch
    {
        RunStatus.Succeeded => Color.Success,
        RunStatus.Queued or RunStatus.Running => Color.Info,
        _ => Color.Error,
    };
}
