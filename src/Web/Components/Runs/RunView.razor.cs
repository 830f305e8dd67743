using System.Globalization;
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

    private static string FormatBytes(long bytes) =>
        bytes < 1024 ? $"{bytes} B" : bytes < 1024 * 1024
            ? string.Create(CultureInfo.GetCultureInfo("sv-SE"), $"{bytes / 1024.0:F1} kB")
            : string.Create(CultureInfo.GetCultureInfo("sv-SE"), $"{bytes / (1024.0 * 1024):F1} MB");
}
