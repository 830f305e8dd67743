using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Web.Runs;

namespace Skriptoteket.Web.Components.Pages.Runs;

/// <summary>Upload and run a published tool; the result appears live below the form.</summary>
public sealed partial class ToolRun
{
    private const long MaxUploadBytes = 25L * 1024 * 1024;
    private IReadOnlyList<IBrowserFile> files = [];
    private RunInfo? run;
    private bool starting;

    // The prerendered page cannot react to uploads or clicks: controls are enabled once the circuit is live.
    private bool interactive;

    [Inject] private RunService Runs { get; set; } = null!;

    [Inject] private ISnackbar Snackbar { get; set; } = null!;

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
                if (file.Size > MaxUploadBytes)
                {
                    Snackbar.Add($"Filen \"{file.Name}\" är för stor. Största tillåtna storlek är 25 MB.", Severity.Warning);
                    return;
                }
                using var buffer = new MemoryStream();
                await file.OpenReadStream(MaxUploadBytes).CopyToAsync(buffer);
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
