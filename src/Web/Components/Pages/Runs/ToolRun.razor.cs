using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Configuration;
using MudBlazor;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Web.Runs;

namespace Skriptoteket.Web.Components.Pages.Runs;

/// <summary>Upload and run a published tool; the result appears live below the form.</summary>
public sealed partial class ToolRun
{
    private const long DefaultMaxUploadBytes = 25L * 1024 * 1024;
    private IReadOnlyList<IBrowserFile> files = [];
    private RunInfo? run;
    private bool starting;

    // The prerendered page cannot react to uploads or clicks: controls are enabled once the circuit is live.
    private bool interactive;

    [Inject] private RunService Runs { get; set; } = null!;

    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    [Inject] private IConfiguration Configuration { get; set; } = null!;

    // The same limit the grain enforces (Execution:MaxUploadBytes), so the page refuses before uploading.
    private long MaxUploadBytes => Configuration.GetValue<long?>("Execution:MaxUploadBytes") ?? DefaultMaxUploadBytes;

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

    private void SelectFiles(InputFileChangeEventArgs e) => files = e.GetMultipleFiles(10);

    private async Task StartAsync()
    {
        starting = true;
        try
        {
            var inputs = new List<RunInputFile>();
            foreach (var file in files)
            {
                var maxBytes = MaxUploadBytes;
                if (file.Size > maxBytes)
                {
                    Snackbar.Add($"Filen \"{file.Name}\" är för stor. Största tillåtna storlek är {maxBytes / (1024 * 1024)} MB.", Severity.Warning);
                    return;
                }
                using var buffer = new MemoryStream();
                await using var upload = file.OpenReadStream(maxBytes);
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
