using Skriptoteket.Web.Localization;
using MudBlazor;
using Skriptoteket.Grains.Abstractions.Tools;
using Skriptoteket.Web.Tools;

namespace Skriptoteket.Web.Components.Pages.Studio;

/// <summary>Version history actions of the studio: open, run, compare, edit, review, publish, roll back.</summary>
public sealed partial class Studio
{
    private ToolVersion? opened;
    private IReadOnlyList<VersionDiff.Row>? diff;
    private string diffTitle = "";

    private async Task OpenVersionAsync(ToolVersionHeader v)
    {
        diff = null;
        opened = await Tools.GetVersionAsync(Id, v.Id);
    }

    /// <summary>An example run from the examples panel is followed in the sandbox panel like any sandbox run.</summary>
    private async Task ShowExampleRunAsync(Grains.Abstractions.Runs.RunInfo run)
    {
        if (sandbox is not null)
        {
            await sandbox.ShowRunAsync(run);
        }
        await LoadRecentAsync();
    }

    private void RunVersion(ToolVersionHeader v) =>
        sandbox?.UseVersion(v.Number, (inputs, fields, key) => StudioApi.StartSandboxAsync(v.Id, inputs, null, null, fields, key));

    private async Task CompareAsync((Guid Left, Guid Right) pair)
    {
        var a = await Tools.GetVersionAsync(Id, pair.Left);
        var b = await Tools.GetVersionAsync(Id, pair.Right);
        opened = null;
        diffTitle = S["Diff.Title", a.Header.Number, b.Header.Number];
        diff = VersionDiff.Of(a, b);
    }

    private async Task EditVersionAsync(ToolVersionHeader v)
    {
        conflict = null;
        await OpenDraftAsync(v);
    }

    /// <summary>Says which version was made ("Utkast v6 skapat från v1"): it may stand beside another open draft.</summary>
    private Task NewDraftFromAsync(ToolVersionHeader v)
    {
        ToolVersionHeader? made = null;
        return ActAsync(async () =>
        {
            made = await Tools.CreateDraftAsync(Id, v.Id);
            await LoadToolAsync();
            await OpenDraftAsync(made);
        }, () => S["Done.DraftCreatedFrom", made!.Number, v.Number]);
    }

    /// <summary>The empty editor's button: the first draft (starter script), or a draft from the active or newest version.</summary>
    private Task CreateDraftAsync() =>
        ActAsync(async () =>
        {
            var from = tool!.ActiveVersionId is { } active && tool.Versions.Any(v => v.Id == active)
                ? active
                : tool.Versions.OrderByDescending(v => v.Number).FirstOrDefault()?.Id;
            var header = await Tools.CreateDraftAsync(Id, from);
            await LoadToolAsync();
            await OpenDraftAsync(header);
        }, S["Done.DraftCreated"]);

    private Task PublishVersionAsync(ToolVersionHeader v) =>
        ActAsync(() => Tools.PublishVersionAsync(Id, v.Id), S["Done.Published", v.Number]);

    private Task RequestChangesAsync((ToolVersionHeader Version, string Note) request) =>
        ActAsync(() => Tools.RequestChangesAsync(Id, request.Version.Id, request.Note), S["Done.ChangesRequested", request.Version.Number]);

    private Task RollbackAsync(ToolVersionHeader v) =>
        ActAsync(() => Tools.RollbackAsync(Id, v.Id), S["Done.RolledBack", v.Number]);

    private Task PublishToolAsync() =>
        ActAsync(() => Tools.SetPublishedAsync(Id, true), S["Done.ToolPublished"]);

    private Task ActAsync(Func<Task> action, string done) => ActAsync(action, () => done);

    /// <summary>Runs an action and says how it went; <paramref name="done"/> is read after success (it may name what was made).</summary>
    private async Task ActAsync(Func<Task> action, Func<string> done)
    {
        busy = true;
        try
        {
            var error = await ToolsService.TryAsync(action, L);
            Snackbar.Add(error ?? done(), error is null ? Severity.Success : Severity.Error);
            await LoadToolAsync();
        }
        finally
        {
            busy = false;
        }
    }
}
