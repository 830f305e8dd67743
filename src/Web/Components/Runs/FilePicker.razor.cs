using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;
using Skriptoteket.Web.Localization;

namespace Skriptoteket.Web.Components.Runs;

/// <summary>
/// Picks a run's files (the run page, the studio's sandbox and examples panels): checks them as they are chosen
/// against <see cref="UploadLimits"/> and the version's <see cref="FileInputs"/> (<see cref="RunInputRules"/>, the
/// rules the run grain applies). A refused file is named beside the drop zone and left out; only the files taken
/// are listed and passed on. Too few files is not a refusal here: the form keeps Run disabled with
/// <see cref="MissingFiles"/> as the reason.
/// </summary>
public sealed partial class FilePicker
{
    private IReadOnlyList<IBrowserFile> files = [];
    private string? problem;
    private bool dragging;
    // A new key after Clear gives a fresh input element, so the browser forgets the files it held.
    private int generation;

    [Inject] private IStringLocalizer<Strings> Text { get; set; } = null!;

    /// <summary>The input's id (and test id): "run-files", "sandbox-files", "example-files".</summary>
    [Parameter, EditorRequired] public string Id { get; set; } = "";

    /// <summary>Prefix of the other ids: "run" gives run-accepts, run-drop-zone, run-chosen, run-file-problem.</summary>
    [Parameter, EditorRequired] public string Name { get; set; } = "";

    [Parameter] public FileInputs Declared { get; set; } = ToolInputs.Legacy.Files;

    [Parameter, EditorRequired] public UploadLimits Limits { get; set; } = null!;

    [Parameter] public bool Disabled { get; set; }

    /// <summary>The files taken from the latest choice (refused ones left out).</summary>
    [Parameter] public EventCallback<IReadOnlyList<IBrowserFile>> OnChange { get; set; }

    private string ProblemId => $"{Name}-file-problem";

    private string Accept => Declared.Types.Count > 0 ? string.Join(',', Declared.Types) : UploadLimits.Accept;

    private string AcceptedList => string.Join(", ", (Declared.Types.Count > 0 ? Declared.Types : FileInputs.AllowedTypes).Select(e => e.TrimStart('.')));

    /// <summary>Why Run waits when too few files are taken ("Välj en fil först."), or null when enough are.</summary>
    public static string? MissingFiles(IStringLocalizer<Strings> text, FileInputs declared, int taken) =>
        RunInputRules.HasRequiredFiles(taken, declared) ? null
        : declared.MinFiles <= 1 ? text["ToolRun.ChooseFirst"].Value : text["ToolRun.ChooseAtLeast", declared.MinFiles].Value;

    /// <summary>Forgets the chosen files (after an example was added with them).</summary>
    public void Clear()
    {
        files = [];
        problem = null;
        generation++;
        StateHasChanged();
    }

    private async Task SelectFiles(InputFileChangeEventArgs e)
    {
        dragging = false;
        // GetMultipleFiles throws beyond its maximum: take them all and let the contract say what is wrong.
        var chosen = e.GetMultipleFiles(Math.Max(e.FileCount, 1));
        var taken = new List<IBrowserFile>();
        var refusals = new List<string>();
        foreach (var file in chosen)
        {
            if (Refusal([file]) is { } refused)
            {
                refusals.Add(ErrorText.For(Text, refused));
            }
            else
            {
                taken.Add(file);
            }
        }
        // Files that are fine one by one may still not fit one run together (how many, how large): then none is taken.
        if (taken.Count > 0 && Refusal(taken) is { } together)
        {
            refusals.Add(ErrorText.For(Text, together));
            taken.Clear();
        }
        files = taken;
        problem = refusals.Count == 0 ? null : string.Join("\n", refusals);
        await OnChange.InvokeAsync(files);
    }

    /// <summary>Why these files cannot be a run's files (the upload contract, then the tool's declaration), or null.</summary>
    private DomainException? Refusal(IReadOnlyList<IBrowserFile> chosen)
    {
        try
        {
            Limits.Check([.. chosen.Select(f => (f.Name, f.Size))]);
        }
        catch (DomainException error)
        {
            return error;
        }
        return RunInputRules.ChosenFilesProblem(Declared, [.. chosen.Select(f => f.Name)]);
    }
}
