using BlazorMonaco.Editor;
using Microsoft.AspNetCore.Components;
using Skriptoteket.Grains.Abstractions.Tools;
using Skriptoteket.Web.Tools;

namespace Skriptoteket.Web.Components.Studio;

/// <summary>The editor panel; the studio page owns the data and the calls, this component only shows and asks.</summary>
public sealed partial class EditorPanel
{
    public const string EditorId = "studio-editor";

    /// <summary>The Monaco editor once shown (null while loading or without a draft).</summary>
    public StandaloneCodeEditor? CodeEditor { get; private set; }

    [Parameter] public ToolVersion? Draft { get; set; }
    [Parameter] public bool HasVersions { get; set; }
    [Parameter] public bool CanCreateDraft { get; set; }
    [Parameter] public bool MonacoReady { get; set; }
    [Parameter] public bool Busy { get; set; }
    [Parameter] public bool Restored { get; set; }
    [Parameter] public bool Checking { get; set; }
    [Parameter] public string? CheckFailed { get; set; }
    [Parameter] public IReadOnlyList<ScriptProblem> Problems { get; set; } = [];
    [Parameter] public ActionAvailability Submit { get; set; } = ActionAvailability.Hidden;
    [Parameter] public StudioConflict? Conflict { get; set; }

    /// <summary>The text the editor starts with (the draft's source, or unsaved text restored from the browser).</summary>
    [Parameter] public string InitialText { get; set; } = "";

    [Parameter] public string Entrypoint { get; set; } = "run_tool";
    [Parameter] public EventCallback<string> EntrypointChanged { get; set; }
    [Parameter] public EventCallback OnCreateDraft { get; set; }
    [Parameter] public EventCallback OnSave { get; set; }
    [Parameter] public EventCallback OnSubmit { get; set; }
    [Parameter] public EventCallback OnEditorReady { get; set; }
    [Parameter] public EventCallback OnReopenOnTheirs { get; set; }
    [Parameter] public EventCallback OnSaveMineOnTop { get; set; }

    public string ChangeSummary { get; set; } = "";

    public string SubmitNote { get; set; } = "";

    private StandaloneEditorConstructionOptions Options(StandaloneCodeEditor editor) => new()
    {
        AutomaticLayout = true,
        Language = "python",
        Value = InitialText,
        LineNumbers = "on",
        Minimap = new EditorMinimapOptions { Enabled = false },
        ScrollBeyondLastLine = false,
        TabSize = 4,
        InsertSpaces = true,
        FontSize = 14,
    };
}

/// <summary>A refused save: their version (the one that won) beside the text that was not saved.</summary>
public sealed record StudioConflict(ToolVersion Theirs, string TheirAuthor, string Mine);
