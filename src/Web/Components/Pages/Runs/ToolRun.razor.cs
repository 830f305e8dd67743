using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Skriptoteket.Grains.Abstractions.Catalog;
using Skriptoteket.Grains.Abstractions.Errors;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Tools.Examples;
using Skriptoteket.Web.Components.Runs;
using Skriptoteket.Web.Localization;
using Skriptoteket.Web.Runs;
using Skriptoteket.Web.Tools;

namespace Skriptoteket.Web.Components.Pages.Runs;

/// <summary>Upload and run a published tool; the result appears live below the form.</summary>
public sealed partial class ToolRun
{
    private PublishedTool? tool;
    private bool notFound;
    private RunInfo? run;
    private readonly RunLaunch launch = new();
    private string? failure;
    private ToolRunForm? form;
    private IReadOnlyList<ToolExample> examples = [];

    [Inject] private RunService Runs { get; set; } = null!;

    [Inject] private SessionService Sessions { get; set; } = null!;

    [Inject] private ToolsService Tools { get; set; } = null!;

    [Inject] private ExamplesService Examples { get; set; } = null!;

    [Inject] private IStringLocalizer<Strings> Text { get; set; } = null!;

    // The contract the API and the grain enforce too, so the page refuses with the same message before uploading.
    [Inject] private IOptions<UploadLimits> Uploads { get; set; } = null!;

    /// <summary>The query parameter naming an earlier run whose field values fill the form ("Kör igen med samma värden").</summary>
    public const string FromRunQuery = "fran";

    [Parameter]
    public string Slug { get; set; } = "";

    [SupplyParameterFromQuery(Name = FromRunQuery)]
    public Guid? FromRun { get; set; }

    // The earlier run whose values fill the form; null when none was named or it is not the viewer's to see.
    private RunInfo? earlier;

    protected override async Task OnParametersSetAsync()
    {
        tool = await Tools.FindPublishedToolAsync(Slug);
        notFound = tool is null;
        examples = tool is null ? [] : await Examples.ListAsync(tool.Id);
        earlier = tool is null || FromRun is not { } from ? null : await EarlierRunAsync(from, tool.Id);
        if (tool is not null && run is null)
        {
            // A reload or a new circuit at any step: the session, read from its grain, puts the page back where it was.
            await ShowSessionAsync();
        }
    }

    /// <summary>The run to take values from, as its page shows it (the same rule: own runs, admins any), of this tool.</summary>
    private async Task<RunInfo?> EarlierRunAsync(Guid runId, Guid toolId)
    {
        try
        {
            var found = await Runs.GetAsync(runId);
            return found.ToolId == toolId ? found : null;
        }
        catch (DomainException e) when (e.Code == ErrorCode.NotFound)
        {
            // Not a run the viewer may see: the form starts from the defaults.
            return null;
        }
    }

    /// <summary>Says whose values fill the form, and that files are not taken over.</summary>
    private string? EarlierNote => earlier is null ? null
        : earlier.Inputs.Count > 0
            ? Text["ToolRun.ValuesFromWithFiles", RunFormat.Time(earlier.CreatedAt), string.Join(", ", earlier.Inputs.Select(i => i.Name))].Value
            : Text["ToolRun.ValuesFrom", RunFormat.Time(earlier.CreatedAt)].Value;

    /// <summary>"Prova med exempel": the example's files and values, run as the teacher's own run of the active version.</summary>
    private Task TryExampleAsync(MouseEventArgs click, Guid exampleId) =>
        LaunchAsync(click, async key =>
        {
            var started = await Examples.TryAsync(tool!.Id, exampleId, key);
            ForgetSession(); // a new first run: should it offer steps, it opens a new session in place of the old one
            return started;
        }, e => ErrorText.For(Text, e));

    private Task StartAsync(RunFormInput input) => LaunchAsync(input.Click, async key =>
        {
            var limits = Uploads.Value;
            var files = input.Files;
            limits.Check([.. files.Select(f => (f.Name, f.Size))]);
            var inputs = await BrowserUploads.ReadAsync(files, limits.MaxFileBytes);
            var started = await Runs.StartProductionAsync(Slug, inputs, input.FieldValuesJson, key);
            ForgetSession(); // a new first run: should it offer steps, it opens a new session in place of the old one
            return started;
        },
        // Refused field values are shown at their fields, and the form points there itself (as for its own check).
        e => form?.ShowRefusal(e) == true ? null : ErrorText.For(Text, e));

    /// <summary>Every start of this page goes through the one guard: one click, one run, until that run has finished.</summary>
    private async Task LaunchAsync(MouseEventArgs? click, Func<string, Task<RunInfo>> start, Func<DomainException, string?> refused)
    {
        if (launch.Busy)
        {
            return;
        }
        failure = null;
        try
        {
            if (await launch.StartAsync(click, start) is { } started)
            {
                run = started;
            }
        }
        catch (DomainException e)
        {
            failure = refused(e);
        }
        catch (IOException)
        {
            // The browser stopped sending the file (tab closed, file changed on disk, larger than announced).
            failure = Text["ToolRun.UploadFailed"];
        }
    }

    /// <summary>Each state the live result shows: Run and the examples are free again once the run has finished.</summary>
    private void RunChanged(RunInfo shown)
    {
        launch.Saw(shown);
        latest = shown;
    }
}
