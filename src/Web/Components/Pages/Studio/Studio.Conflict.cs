using Microsoft.JSInterop;
using Skriptoteket.Grains.Abstractions.Tools;
using Skriptoteket.Web.Components.Studio;

namespace Skriptoteket.Web.Components.Pages.Studio;

/// <summary>
/// A refused save (or unsaved text from an older version found in the browser): their version beside the
/// unsaved text; reopen on theirs (the unsaved text is kept aside) or save the text on top of theirs.
/// </summary>
public sealed partial class Studio
{
    private StudioConflict? conflict;
    private string? rescued;

    private string RescueKey => StorageKey + ".rescued";

    /// <summary>The version that won: the newest later head draft, else the base itself as it is now (submitted).</summary>
    private async Task<ToolVersion> TheirVersionAsync(ToolVersionHeader mine)
    {
        var theirs = tool!.Versions
            .Where(v => v.Number > mine.Number && v.State == VersionState.Draft && v.IsHead)
            .OrderByDescending(v => v.Number)
            .FirstOrDefault() ?? tool.Versions.First(v => v.Id == mine.Id);
        return await Tools.GetVersionAsync(Id, theirs.Id);
    }

    private async Task ShowConflictAsync(ToolVersion theirs, string mine)
    {
        await JS.InvokeVoidAsync("localStorage.setItem", RescueKey, mine);
        conflict = new StudioConflict(theirs, names.TryGetValue(theirs.Header.CreatedBy, out var n) ? n : "", mine);
        StateHasChanged();
    }

    private async Task ReopenOnTheirsAsync()
    {
        var c = conflict!;
        conflict = null;
        rescued = c.Mine;
        await module!.InvokeVoidAsync("forgetDraft", StorageKey);
        if (c.Theirs.Header is { State: VersionState.Draft, IsHead: true })
        {
            await OpenDraftAsync(c.Theirs.Header);
        }
        else
        {
            await OpenDraftAsync(null);
        }
    }

    private async Task SaveMineOnTopAsync()
    {
        var c = conflict!;
        var baseHeader = c.Theirs.Header;
        if (baseHeader is not { State: VersionState.Draft, IsHead: true })
        {
            baseHeader = await Tools.CreateDraftAsync(Id, baseHeader.Id);
        }
        conflict = null;
        draft = await Tools.GetVersionAsync(Id, baseHeader.Id);
        if (panel?.CodeEditor is not null)
        {
            // After a reload the editor shows their text: the saved text must be what it shows.
            await ReplaceEditorTextAsync(c.Mine);
        }
        await SaveAsync(c.Mine);
        if (conflict is null)
        {
            await JS.InvokeVoidAsync("localStorage.removeItem", RescueKey);
        }
    }

    private async Task DiscardRescuedAsync()
    {
        rescued = null;
        await JS.InvokeVoidAsync("localStorage.removeItem", RescueKey);
    }
}
