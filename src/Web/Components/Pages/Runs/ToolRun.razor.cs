using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using MudBlazor;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Web.Runs;

namespace Skriptoteket.Web.Components.Pages.Runs;

/// <summary>Upload and run a published tool; the result appears live below the form.</summary>
public sealed partial class ToolRun
{
    private IReadOnlyList<IBrowserFile> files = [];
    private RunInfo? run;
    private bool starting;

    // The prerendered page cannot react to uploads or clicks: controls are enabled once the circuit is live.
    private bool interactive;

    [Inject] private RunService Runs { get; set; } = null!;

    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    // The contract the API and the grain enforce too, so the page refuses with the same message before uploading.
    [Inject] private IOptions<UploadLimits> Uploads { get; set; } = null!;

    [Parameter]
    public string Slug { get; set; } = "";

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
        // GetMultipleFiles throws beyond its maximum: take them all and let the contract say what is wrong.
        files = e.GetMultipleFiles(Math.Max(e.FileCount, 1));
        try
        {
            Uploads.Value.Check([.. files.Select(f => (f.Name, f.Size))]);
        }
        catch (DomainException error)
        {
            files = [];
            Snackbar.Add(error.Message, Severity.Warning);
        }
    }

    private async Task StartAsync()
    {
        starting = true;
        try
        {
            var limits = Uploads.Value;
            limits.Check([.. files.Select(f => (f.Name, f.Size))]);
            var inputs = new List<RunInputFile>();
            foreach (var file in files)
            {
                using var buffer = new MemoryStream();
                await using var upload = file.OpenReadStream(limits.MaxFileBytes);
                await upload.CopyToAsync(buffer);
                inputs.Add(new RunInputFile(file.Name, buffer.ToArray()));
            }
            run = await Runs.StartProductionAsync(Slug, inputs);
        }
        catch (DomainException e)
        {
            Snackbar.Add(e.Message, Severity.Warning);
        }
        finally
        {
            starting = false;
        }
    }
}
