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

/// <summary>What the teacher chose: the files and the declared fields' values as the run request's JSON; the click that asked.</summary>
public sealed record RunFormInput(IReadOnlyList<IBrowserFile> Files, string FieldValuesJson, MouseEventArgs? Click = null);

/// <summary>
/// The teacher's side of a tool run: what the tool does, the fields its active version declares, the files it
/// takes, and Run. Run stays disabled, with the reason beside it, until the files the tool needs are chosen and
/// fit the limits. A refused file is named beside the drop zone and left out; only the files taken are listed,
/// and they are what Run sends. Field values are checked by the run grain; its refusals show under their fields.
/// One click is one run (<see cref="RunLaunch"/>, shared with the page's examples): Run is disabled from the click
/// ("Startar…") until the run has finished ("Körs…"), and the second click of a double click is ignored.
/// </summary>
public sealed partial class ToolRunForm
{
    private IReadOnlyList<IBrowserFile> files = [];
    private FieldForm fields = new(ToolInputs.Legacy);
    private Guid? formFor;
    private string? valuesFor;

    // The prerendered page cannot react to uploads or clicks: controls are enabled once the circuit is live.
    private bool interactive;

    [Inject] private IStringLocalizer<Strings> Text { get; set; } = null!;

    /// <summary>The published tool; null while it is being read.</summary>
    [Parameter]
    public PublishedTool? Tool { get; set; }

    /// <summary>The upload contract the API and the run grain enforce too.</summary>
    [Parameter, EditorRequired]
    public UploadLimits Limits { get; set; } = null!;

    /// <summary>The page's one guard of its run starts: read live, so a second click sees the first one's start at once.</summary>
    [Parameter, EditorRequired]
    public RunLaunch Launch { get; set; } = null!;

    [Parameter]
    public EventCallback<RunFormInput> OnRun { get; set; }

    /// <summary>Field values to start from instead of the defaults (an earlier run's: "Kör igen med samma värden").</summary>
    [Parameter]
    public string? Values { get; set; }

    /// <summary>Shown above the fields when <see cref="Values"/> came from somewhere: whose values, and which files to choose again.</summary>
    [Parameter]
    public string? ValuesNote { get; set; }

    private FileInputs Files => Tool?.Declared.Files ?? ToolInputs.Legacy.Files;

    private bool TakesFiles => Files.MaxFiles > 0;

    private bool CanRun => interactive && !Launch.Busy && RunInputRules.HasRequiredFiles(files.Count, Files);

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
        // A new form only for another tool version or other values: a re-render must not wipe what the teacher typed.
        if (Tool is not null && (formFor != Tool.ActiveVersionId || valuesFor != Values))
        {
            formFor = Tool.ActiveVersionId;
            valuesFor = Values;
            fields = new FieldForm(Tool.Declared, Values);
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
        // The page's start goes through Launch, which also ignores the second click of a double click.
        if (!CanRun)
        {
            return;
        }
        fields.Clear();
        if (!fields.Check())
        {
            return;
        }
        await OnRun.InvokeAsync(new RunFormInput(files, fields.ToJson(), click));
    }
}
