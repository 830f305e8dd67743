using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using Skriptoteket.Grains.Abstractions.Catalog;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Web.Localization;
using Skriptoteket.Web.Runs;

namespace Skriptoteket.Web.Components.Runs;

/// <summary>
/// The teacher's side of a tool run: what the tool does, what it accepts, a drop zone and Run. Run stays
/// disabled, with the reason beside it, until the files the tool needs are chosen and fit the limits.
/// </summary>
public sealed partial class ToolRunForm
{
    private IReadOnlyList<IBrowserFile> files = [];
    private string? problem;
    private bool dragging;

    // The prerendered page cannot react to uploads or clicks: controls are enabled once the circuit is live.
    private bool interactive;

    [Inject] private IStringLocalizer<Strings> Text { get; set; } = null!;

    /// <summary>The published tool; null while it is being read.</summary>
    [Parameter]
    public PublishedTool? Tool { get; set; }

    /// <summary>The upload contract the API and the run grain enforce too.</summary>
    [Parameter, EditorRequired]
    public UploadLimits Limits { get; set; } = null!;

    /// <summary>True while the chosen files are being uploaded and the run started.</summary>
    [Parameter]
    public bool Starting { get; set; }

    [Parameter]
    public EventCallback<IReadOnlyList<IBrowserFile>> OnRun { get; set; }

    private bool CanRun => interactive && !Starting && problem is null && RunInputRules.HasRequiredFiles(files.Count);

    private static string AcceptedList => string.Join(", ", UploadLimits.AllowedExtensions.Select(e => e.TrimStart('.')));

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            interactive = true;
            StateHasChanged();
        }
    }

    private void SelectFiles(InputFileChangeEventArgs e)
    {
        dragging = false;
        problem = null;
        // GetMultipleFiles throws beyond its maximum: take them all and let the contract say what is wrong.
        files = e.GetMultipleFiles(Math.Max(e.FileCount, 1));
        try
        {
            Limits.Check([.. files.Select(f => (f.Name, f.Size))]);
        }
        catch (DomainException error)
        {
            problem = ErrorText.For(Text, error);
        }
    }

    private Task RunAsync() => CanRun ? OnRun.InvokeAsync(files) : Task.CompletedTask;
}
