using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;
using Skriptoteket.Grains.Abstractions.Catalog;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;
using Skriptoteket.Web.Localization;
using Skriptoteket.Web.Runs;

namespace Skriptoteket.Web.Components.Runs;

/// <summary>What the teacher chose: the files and the declared fields' values as the run request's JSON.</summary>
public sealed record RunFormInput(IReadOnlyList<IBrowserFile> Files, string FieldValuesJson);

/// <summary>
/// The teacher's side of a tool run: what the tool does, the fields its active version declares, the files it
/// takes, and Run. Run stays disabled, with the reason beside it, until the files the tool needs are chosen and
/// fit the limits. A refused file is named beside the drop zone and left out; only the files taken are listed,
/// and they are what Run sends. Field values are checked by the run grain; its refusals show under their fields.
/// One click is one run: Run is disabled ("Startar…") from the click until the start has answered, and the
/// second click of a double click is ignored. Once a run is accepted Run is enabled again, so a teacher may start
/// another run (with another file) while the first is still running.
/// </summary>
public sealed partial class ToolRunForm
{
    private IReadOnlyList<IBrowserFile> files = [];
    private FieldForm fields = new(ToolInputs.Legacy);
    private Guid? formFor;

    // The prerendered page cannot react to uploads or clicks: controls are enabled once the circuit is live.
    private bool interactive;

    // From the click until the page has the start's answer; the page's Starting arrives only with its next render.
    private bool submitting;

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
    public EventCallback<RunFormInput> OnRun { get; set; }

    private FileInputs Files => Tool?.Declared.Files ?? ToolInputs.Legacy.Files;

    private bool TakesFiles => Files.MaxFiles > 0;

    private bool Busy => Starting || submitting;

    private bool CanRun => interactive && !Busy && RunInputRules.HasRequiredFiles(files.Count, Files);

    private string? ChooseFirst => FilePicker.MissingFiles(Text, Files, 0);

    /// <summary>Shows the run grain's refusal of field values under their fields; false when it was about something else.</summary>
    public bool ShowRefusal(DomainException error)
    {
        var shown = fields.Show(error);
        StateHasChanged();
        return shown;
    }

    protected override void OnParametersSet()
    {
        // A new form only for another tool version: a re-render must not wipe what the teacher typed.
        if (Tool is not null && formFor != Tool.ActiveVersionId)
        {
            formFor = Tool.ActiveVersionId;
            fields = new FieldForm(Tool.Declared);
        }
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            interactive = true;
            StateHasChanged();
        }
    }

    /// <summary>The files the picker took (a refused one is named there and left out).</summary>
    private void FilesChosen(IReadOnlyList<IBrowserFile> taken) => files = taken;

    private async Task RunAsync(MouseEventArgs click)
    {
        // The second click of a double click (Detail 2) may arrive after the first run was accepted: not a new run.
        if (click.Detail > 1 || !CanRun)
        {
            return;
        }
        fields.Clear();
        if (!fields.Check())
        {
            return;
        }
        submitting = true;
        try
        {
            await OnRun.InvokeAsync(new RunFormInput(files, fields.ToJson()));
        }
        finally
        {
            submitting = false;
        }
    }
}
