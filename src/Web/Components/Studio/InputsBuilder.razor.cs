using Skriptoteket.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;
using Skriptoteket.Web.Tools;

namespace Skriptoteket.Web.Components.Studio;

/// <summary>
/// The studio's form builder: every change is handed to the page at once (saved with the script by Save), and
/// the problems are the tool grain's own rules, shown while typing. The JSON view edits the same declaration.
/// </summary>
public sealed partial class InputsBuilder
{
    private InputsDraft draft = InputsDraft.From(ToolInputs.Legacy);
    private string? shownJson;
    private IReadOnlyList<string> problems = [];
    private bool jsonView;
    private string json = "";
    private string? jsonProblem;
    private bool filesCapped;
    private int maxFilesShown;

    private static IReadOnlyList<string> UploadTypes => FileInputs.AllowedTypes;

    /// <summary>The declaration being edited.</summary>
    [Parameter, EditorRequired] public ToolInputs Value { get; set; } = ToolInputs.Legacy;

    [Parameter] public EventCallback<ToolInputs> ValueChanged { get; set; }

    [Parameter] public bool Disabled { get; set; }

    [Inject] private IOptions<UploadLimits> Uploads { get; set; } = null!;

    /// <summary>Most files one run of this installation takes (Uploads:MaxFiles); "most files" is capped at it.</summary>
    private int FileLimit => Math.Min(Uploads.Value.MaxFiles, ToolInputs.MaxDeclaredFiles);

    protected override void OnParametersSet()
    {
        // Only a declaration from outside (another version opened) replaces what is being edited.
        var incoming = ToolInputsJson.Write(Value);
        if (incoming != shownJson)
        {
            shownJson = incoming;
            draft = InputsDraft.From(Value, FileLimit);
            filesCapped = false;
            problems = draft.Problems;
            json = ToolInputsJson.Write(Value, indented: true);
        }
    }

    private async Task Set(Action change)
    {
        change();
        await PublishAsync(draft.ToInputs());
    }

    private async Task PublishAsync(ToolInputs inputs)
    {
        problems = ToolInputRules.Problems(inputs);
        shownJson = ToolInputsJson.Write(inputs);
        json = ToolInputsJson.Write(inputs, indented: true);
        await ValueChanged.InvokeAsync(inputs);
    }

    /// <summary>More files than a run can take are capped at the limit, and the builder says why.</summary>
    private void SetMaxFiles(int value)
    {
        filesCapped = value > FileLimit;
        draft.MaxFiles = Math.Min(value, FileLimit);
        if (filesCapped)
        {
            // A new key renders the input afresh, so it shows the capped number rather than what was typed.
            maxFilesShown++;
        }
    }

    private void ToggleType(string type, bool on)
    {
        if (on)
        {
            draft.Types.Add(type);
        }
        else
        {
            draft.Types.Remove(type);
        }
    }

    private void ToggleJson(bool on)
    {
        jsonView = on;
        jsonProblem = null;
        json = ToolInputsJson.Write(draft.ToInputs(), indented: true);
    }

    private async Task ApplyJsonAsync()
    {
        try
        {
            var inputs = ToolInputsJson.Read(json);
            jsonProblem = null;
            draft = InputsDraft.From(inputs, FileLimit);
            filesCapped = inputs.Files.MaxFiles > FileLimit;
            await PublishAsync(filesCapped ? draft.ToInputs() : inputs);
        }
        catch (DomainException e)
        {
            jsonProblem = ErrorText.For(L, e);
        }
    }
}
