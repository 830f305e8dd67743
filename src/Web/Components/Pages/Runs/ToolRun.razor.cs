using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
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
    private bool starting;
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
    private async Task TryExampleAsync(Guid exampleId)
    {
        starting = true;
        failure = null;
        try
        {
            run = await Examples.TryAsync(tool!.Id, exampleId);
        }
        catch (DomainException e)
        {
            failure = ErrorText.For(Text, e);
        }
        finally
        {
            starting = false;
        }
    }

    private async Task StartAsync(RunFormInput input)
    {
        starting = true;
        failure = null;
        try
        {
            var limits = Uploads.Value;
            var files = input.Files;
            limits.Check([.. files.Select(f => (f.Name, f.Size))]);
            var inputs = await BrowserUploads.ReadAsync(files, limits.MaxFileBytes);
            run = await Runs.StartProductionAsync(Slug, inputs, input.FieldValuesJson);
        }
        catch (DomainException e)
        {
            // Refused field values are shown at their fields, and the form points there itself (as for its own check).
            failure = form?.ShowRefusal(e) == true ? null : ErrorText.For(Text, e);
        }
        catch (IOException)
        {
            // The browser stopped sending the file (tab closed, file changed on disk, larger than announced).
            failure = Text["ToolRun.UploadFailed"];
        }
        finally
        {
            starting = false;
        }
    }
}
