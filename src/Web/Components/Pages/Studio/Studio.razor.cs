using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
using MudBlazor;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Tools;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;
using Skriptoteket.Web.Components.Studio;
using Skriptoteket.Web.Localization;
using Skriptoteket.Web.Tools;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;

namespace Skriptoteket.Web.Components.Pages.Studio;

/// <summary>
/// The script studio of one tool: editor (Monaco), problems before running, sandbox, version history.
/// The editor side is here; checks in Studio.Checks.cs; history actions in Studio.History.cs; conflicts in Studio.Conflict.cs.
/// </summary>
public sealed partial class Studio : IAsyncDisposable
{
    private const int CheckDelayMs = 700;

    private ToolInfo? tool;
    private ActingUser? actor;
    private IReadOnlyDictionary<Guid, string> names = new Dictionary<Guid, string>();
    private IReadOnlyDictionary<Guid, int> versionNumbers = new Dictionary<Guid, int>();
    private bool notFound;
    private bool requireFourEyes;
    private SandboxLimits limits = null!;
    private ActionAvailability publishTool = ActionAvailability.Hidden;

    private EditorPanel? panel;
    private SandboxPanel? sandbox;
    private ToolVersion? draft;
    private string initialText = "";
    private string entrypoint = "run_tool";
    private ToolInputs inputs = ToolInputs.Legacy;
    private string currentText = "";
    private IReadOnlyList<ScriptProblem> problems = [];
    private bool checking;
    private int checkSequence;
    private string? checkFailed;
    private long? lastCheckMs;
    private bool monacoReady;
    private bool restored;
    private bool busy;
    private bool helpOpen;
    private ActionAvailability submit = ActionAvailability.Hidden;
    private IReadOnlyList<RunInfo> recent = [];

    private IJSObjectReference? module;
    private DotNetObjectReference<Studio>? self;

    [Parameter] public Guid Id { get; set; }

    [SupplyParameterFromQuery(Name = "version")] public Guid? VersionId { get; set; }

    [Inject] private StudioService StudioApi { get; set; } = null!;
    [Inject] private ToolsService Tools { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private IJSRuntime JS { get; set; } = null!;
    [Inject] private IStringLocalizer<StudioHelpStrings> Help { get; set; } = null!;

    private string StorageKey => $"skriptoteket.studio.{Id:N}.{actor?.UserId:N}";

    protected override async Task OnParametersSetAsync()
    {
        actor = await Tools.GetActorAsync();
        requireFourEyes = StudioApi.RequireFourEyes;
        limits = StudioApi.Limits;
        try
        {
            await LoadToolAsync();
        }
        catch (DomainException ex) when (ex.Code == ErrorCode.NotFound)
        {
            notFound = true;
            return;
        }
        var start = VersionId is { } wanted ? tool!.Versions.FirstOrDefault(v => v.Id == wanted && StudioActions.Edit(actor, tool.MayWorkOnTool, v).Enabled) : null;
        start ??= StudioActions.DefaultDraft(actor, tool!.MayWorkOnTool, tool.Versions);
        await OpenDraftAsync(start);
        await LoadRecentAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && !notFound)
        {
            self = DotNetObjectReference.Create(this);
            module = await JS.InvokeAsync<IJSObjectReference>("import", "./_content/Skriptoteket.Web/studio.js");
            await module.InvokeVoidAsync("loadMonaco");
            await module.InvokeVoidAsync("registerHelper", HelperModule.Completions(Help));
            monacoReady = true;
            StateHasChanged();
        }
    }

    private async Task LoadToolAsync()
    {
        tool = await Tools.GetToolAsync(Id);
        names = await Tools.GetUserNamesAsync([.. tool.Versions.Select(v => v.CreatedBy), .. tool.Maintainers]);
        versionNumbers = tool.Versions.ToDictionary(v => v.Id, v => v.Number);
        publishTool = StudioActions.PublishTool(actor!, tool);
        UpdateSubmit();
    }

    private async Task LoadRecentAsync() => recent = await StudioApi.ListSandboxRunsAsync(Id, 5);

    /// <summary>Puts a draft (or nothing) into the editor; a live editor gets the new text at once.</summary>
    private async Task OpenDraftAsync(ToolVersionHeader? header)
    {
        // Without a draft the editor is not rendered: a new one starts from initialText and reports ready itself.
        var editorShown = draft is not null;
        if (editorShown && module is not null && await TypedTextAsync() is { } typed && typed != draft!.Source)
        {
            // Switching drafts must not drop unsaved text: it is kept aside (page and browser) until discarded.
            rescued = typed;
            await JS.InvokeVoidAsync("localStorage.setItem", RescueKey, typed);
        }
        if (editorShown && module is not null)
        {
            await module.InvokeVoidAsync("unwatch", EditorPanel.EditorId);
            await module.InvokeVoidAsync("forgetDraft", StorageKey);
        }
        draft = header is null ? null : await Tools.GetVersionAsync(Id, header.Id);
        initialText = currentText = draft?.Source ?? "";
        entrypoint = draft?.Header.Entrypoint ?? "run_tool";
        inputs = draft?.Header.Declared ?? ToolInputs.Legacy;
        restored = false;
        problems = [];
        UpdateSubmit();
        if (editorShown && draft is not null && panel?.CodeEditor is not null && module is not null)
        {
            await ReplaceEditorTextAsync(draft.Source);
            await WatchAsync();
            await CheckAsync(draft.Source);
        }
    }

    /// <summary>
    /// What is in the editor now. The browser stores every change at once (studio.js watch); the page hears of it only
    /// after a pause, so text typed just before a click would otherwise be missed.
    /// </summary>
    private async Task<string> TypedTextAsync()
    {
        var stored = await module!.InvokeAsync<StoredText?>("readDraft", StorageKey);
        return stored is not null && stored.Base == draft!.Header.Id ? stored.Source : currentText;
    }

    private async Task EditorReadyAsync()
    {
        if (draft is null || module is null)
        {
            return;
        }
        var stored = await module.InvokeAsync<StoredText?>("readDraft", StorageKey);
        if (stored is not null && stored.Source != draft.Source)
        {
            if (stored.Base == draft.Header.Id)
            {
                currentText = stored.Source;
                await ReplaceEditorTextAsync(stored.Source);
                restored = true;
            }
            else
            {
                // Unsaved text from an older version: someone (maybe this user in another tab) saved since.
                await ShowConflictAsync(draft, stored.Source);
            }
        }
        await WatchAsync();
        await CheckAsync(currentText);
    }

    /// <summary>A whole new text in the editor, shown from line 1 and its first column (not left scrolled sideways).</summary>
    private async Task ReplaceEditorTextAsync(string text) =>
        await module!.InvokeVoidAsync("replaceText", EditorPanel.EditorId, text);

    private async Task WatchAsync() =>
        await module!.InvokeVoidAsync("watch", EditorPanel.EditorId, StorageKey, draft!.Header.Id, self, CheckDelayMs);

    private void InputsChanged(ToolInputs value)
    {
        inputs = value;
        UpdateSubmit();
    }

    private async Task EntrypointChangedAsync(string value)
    {
        entrypoint = value;
        await CheckAsync(currentText);
    }

    [JSInvokable]
    public Task SaveFromKeyboard(string text) => InvokeAsync(async () =>
    {
        await SaveAsync(text);
        // Not a Blazor event: nothing re-renders by itself once the save is done.
        StateHasChanged();
    });

    private async Task SaveFromButtonAsync() => await SaveAsync(await panel!.CodeEditor!.GetValue());

    private async Task SaveAsync(string text)
    {
        if (draft is null || busy)
        {
            return;
        }
        busy = true;
        try
        {
            var header = await StudioApi.SaveAsync(Id, new SaveVersionCommand(draft.Header.Id, text, entrypoint, panel!.ChangeSummary, inputs));
            draft = new ToolVersion(header, text);
            currentText = text;
            panel.ChangeSummary = "";
            await module!.InvokeVoidAsync("forgetDraft", StorageKey);
            await WatchAsync();
            Snackbar.Add(S["Editor.Saved", header.Number], Severity.Success);
            await LoadToolAsync();
            await CheckAsync(text);
        }
        catch (DomainException ex) when (ex.Code == ErrorCode.Conflict)
        {
            await LoadToolAsync();
            await ShowConflictAsync(await TheirVersionAsync(draft.Header), text);
        }
        catch (DomainException ex)
        {
            Snackbar.Add(ErrorText.For(L, ex), Severity.Error);
        }
        finally
        {
            busy = false;
        }
    }

    private async Task SubmitAsync()
    {
        busy = true;
        try
        {
            var header = await StudioApi.SubmitAsync(Id, draft!.Header.Id, panel!.SubmitNote);
            await module!.InvokeVoidAsync("forgetDraft", StorageKey);
            Snackbar.Add(S["Editor.Submitted", header.Number], Severity.Success);
            await LoadToolAsync();
            await OpenDraftAsync(StudioActions.DefaultDraft(actor!, tool!.MayWorkOnTool, tool.Versions));
        }
        catch (DomainException ex)
        {
            Snackbar.Add(ErrorText.For(L, ex), Severity.Error);
        }
        finally
        {
            busy = false;
        }
    }

    private async Task<RunInfo> RunEditorAsync(IReadOnlyList<RunInputFile> inputs, string fields, string startKey)
    {
        var editor = await ReadEditorAsync();
        return await StudioApi.StartSandboxAsync(draft!.Header.Id, inputs, editor.Source, editor.Entrypoint, fields, startKey);
    }

    /// <summary>The editor's text and entrypoint now: the sandbox's first run and each of its steps run them.</summary>
    private async Task<EditorSnapshot> ReadEditorAsync() => new(await panel!.CodeEditor!.GetValue(), entrypoint);

    public async ValueTask DisposeAsync()
    {
        if (module is not null)
        {
            try
            {
                await module.InvokeVoidAsync("unwatch", EditorPanel.EditorId);
                await module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone with the page; nothing left to unwatch.
            }
        }
        self?.Dispose();
    }
}

/// <summary>Unsaved editor text as kept in the browser (studio.js).</summary>
public sealed record StoredText(Guid Base, string Source, string? At);
