using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;
using Skriptoteket.Web.Localization;
using Skriptoteket.Web.Runs;

namespace Skriptoteket.Web.Components.Runs;

/// <summary>The chosen files and, when they do not fit the upload contract or the declaration, why (Swedish).</summary>
public sealed record ChosenFiles(IReadOnlyList<IBrowserFile> Files, string? Problem);

/// <summary>
/// Picks a run's files: checks them as they are chosen against <see cref="UploadLimits"/> and the version's
/// <see cref="FileInputs"/> (<see cref="RunInputRules"/>, the rules the run grain applies), so a refused file is
/// named at once. Too few files is not a problem here: the form keeps its Run button disabled with the reason.
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

    /// <summary>Prefix of the other test ids: "run" gives run-accepts, run-chosen, run-file-problem.</summary>
    [Parameter, EditorRequired] public string Name { get; set; } = "";

    [Parameter] public FileInputs Declared { get; set; } = ToolInputs.Legacy.Files;

    [Parameter, EditorRequired] public UploadLimits Limits { get; set; } = null!;

    [Parameter] public bool Disabled { get; set; }

    [Parameter] public EventCallback<ChosenFiles> OnChange { get; set; }

    private string Accept => Declared.Types.Count > 0 ? string.Join(',', Declared.Types) : UploadLimits.Accept;

    private string AcceptedList => string.Join(", ", (Declared.Types.Count > 0 ? Declared.Types : UploadLimits.AllowedExtensions).Select(e => e.TrimStart('.')));

    /// <summary>Why Run waits when too few files are chosen ("Välj en fil först."), or null when enough are.</summary>
    public static string? MissingFiles(IStringLocalizer<Strings> text, FileInputs declared, int chosen) =>
        RunInputRules.HasRequiredFiles(chosen, declared) ? null
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
        problem = null;
        // GetMultipleFiles throws beyond its maximum: take them all and let the contract say what is wrong.
        files = e.GetMultipleFiles(Math.Max(e.FileCount, 1));
        try
        {
            Limits.Check([.. files.Select(f => (f.Name, f.Size))]);
            if (RunInputRules.ChosenFilesProblem(Declared, [.. files.Select(f => f.Name)]) is { } refusal)
            {
                throw refusal;
            }
        }
        catch (DomainException error)
        {
            problem = ErrorText.For(Text, error);
        }
        await OnChange.InvokeAsync(new ChosenFiles(files, problem));
    }
}
