using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Skriptoteket.Grains.Abstractions.Catalog;
using Skriptoteket.Grains.Abstractions.Errors;
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

    [Inject] private ToolsService Tools { get; set; } = null!;

    [Inject] private ExamplesService Examples { get; set; } = null!;

    [Inject] private IStringLocalizer<Strings> Text { get; set; } = null!;

    // The contract the API and the grain enforce too, so the page refuses with the same message before uploading.
    [Inject] private IOptions<UploadLimits> Uploads { get; set; } = null!;

    [Parameter]
    public string Slug { get; set; } = "";

    protected override async Task OnParametersSetAsync()
    {
        tool = await Tools.FindPublishedToolAsync(Slug);
        notFound = tool is null;
        examples = tool is null ? [] : await Examples.ListAsync(tool.Id);
    }

    /// <summary>"Prova med exempel": the example's files and values, run as the teacher's own run of the active version.</summary>
    private Task TryExampleAsync(MouseEventArgs click, Guid exampleId) =>
        LaunchAsync(click, key => Examples.TryAsync(tool!.Id, exampleId, key), e => ErrorText.For(Text, e));

    private Task StartAsync(RunFormInput input) => LaunchAsync(input.Click, async key =>
        {
            var limits = Uploads.Value;
            var files = input.Files;
            limits.Check([.. files.Select(f => (f.Name, f.Size))]);
            var inputs = await BrowserUploads.ReadAsync(files, limits.MaxFileBytes);
            return await Runs.StartProductionAsync(Slug, inputs, input.FieldValuesJson, key);
        },
        // Refused field values are shown at their fields; the sentence here only points there.
        e => form?.ShowRefusal(e) == true ? Text["ToolRun.FieldsRefused"] : ErrorText.For(Text, e));

    /// <summary>Every start of this page goes through the one guard: one click, one run, until that run has finished.</summary>
    private async Task LaunchAsync(MouseEventArgs? click, Func<string, Task<RunInfo>> start, Func<DomainException, string> refused)
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
    private void RunChanged(RunInfo shown) => launch.Saw(shown);
}
