using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using Skriptoteket.Grains.Abstractions.Catalog;
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

    [Parameter, EditorRequired]
    public long MaxUploadBytes { get; set; }

    /// <summary>True while the chosen files are being uploaded and the run started.</summary>
    [Parameter]
    public bool Starting { get; set; }

    [Parameter]
    public EventCallback<IReadOnlyList<IBrowserFile>> OnRun { get; set; }

    private bool CanRun => interactive && !Starting && problem is null && RunInputRules.HasRequiredFiles(files.Count);

    private static string AcceptAttribute => string.Join(',', RunInputRules.AllowedExtensions);

    private static string AcceptedList => string.Join(", ", RunInputRules.AllowedExtensions.Select(e => e.TrimStart('.')));

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
        if (e.FileCount > RunInputRules.MaxFiles)
        {
            files = [];
            problem = Text["ToolRun.TooManyFiles", RunInputRules.MaxFiles];
            return;
        }
        files = e.GetMultipleFiles(RunInputRules.MaxFiles);
        problem = files.Select(Check).FirstOrDefault(p => p is not null);
    }

    private string? Check(IBrowserFile file) =>
        !RunInputRules.IsAllowedType(file.Name) ? Text["ToolRun.WrongType", file.Name, AcceptedList].Value
        : file.Size > MaxUploadBytes ? Text["ToolRun.TooLarge", file.Name, RunFormat.Bytes(MaxUploadBytes)].Value
        : file.Size == 0 ? Text["ToolRun.Empty", file.Name].Value
        : null;

    private Task RunAsync() => CanRun ? OnRun.InvokeAsync(files) : Task.CompletedTask;
}
