using Microsoft.AspNetCore.Components;
using MudBlazor;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Tools;
using Skriptoteket.Web.Tools;

namespace Skriptoteket.Web.Components.Studio;

public sealed partial class VersionHistory
{
    private Guid? left;
    private Guid? right;
    private string reviewNote = "";

    [Inject] private IDialogService Dialogs { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    [Parameter, EditorRequired] public ActingUser Actor { get; set; } = null!;

    /// <summary>ToolInfo.MayWorkOnTool: the actor may edit any draft of this tool (an admin, or one of its maintainers).</summary>
    [Parameter] public bool WorksOnTool { get; set; }
    [Parameter] public IReadOnlyList<ToolVersionHeader> Versions { get; set; } = [];
    [Parameter] public IReadOnlyDictionary<Guid, string> Names { get; set; } = new Dictionary<Guid, string>();
    [Parameter] public bool RequireFourEyes { get; set; }
    [Parameter] public EventCallback<ToolVersionHeader> OnOpen { get; set; }
    [Parameter] public EventCallback<ToolVersionHeader> OnRun { get; set; }
    [Parameter] public EventCallback<ToolVersionHeader> OnEdit { get; set; }
    [Parameter] public EventCallback<ToolVersionHeader> OnNewDraft { get; set; }
    [Parameter] public EventCallback<ToolVersionHeader> OnPublish { get; set; }
    [Parameter] public EventCallback<(ToolVersionHeader Version, string Note)> OnRequestChanges { get; set; }
    [Parameter] public EventCallback<ToolVersionHeader> OnRollback { get; set; }
    [Parameter] public EventCallback<(Guid Left, Guid Right)> OnCompare { get; set; }

    private async Task RequestChangesAsync(ToolVersionHeader v)
    {
        if (string.IsNullOrWhiteSpace(reviewNote))
        {
            Snackbar.Add(S["History.NoteRequired"], Severity.Warning);
            return;
        }
        await OnRequestChanges.InvokeAsync((v, reviewNote.Trim()));
        reviewNote = "";
    }

    /// <summary>
    /// A new draft from an older version stands beside any draft still open: the author is told which one and
    /// which number the new draft gets before it is made (the studio says afterwards which version it made).
    /// </summary>
    private async Task NewDraftAsync(ToolVersionHeader from)
    {
        var open = StudioActions.OpenDrafts(Versions, from);
        if (open.Count > 0)
        {
            var next = Versions.Max(v => v.Number) + 1;
            var names = string.Join(", ", open.Select(v => $"v{v.Number}"));
            var confirmed = await Dialogs.ShowMessageBoxAsync(S["NewDraft.Title"], S["NewDraft.Message", names, from.Number, next],
                yesText: S["NewDraft.Confirm", next, from.Number], cancelText: S["NewDraft.Cancel"]);
            if (confirmed != true)
            {
                return;
            }
        }
        await OnNewDraft.InvokeAsync(from);
    }

    /// <summary>Explains numbers that surprise: publishing and rollback copy a version into a new number.</summary>
    private string Origin(ToolVersionHeader v)
    {
        if (v.PublishedAt is null || v.DerivedFrom is not { } from || Versions.FirstOrDefault(x => x.Id == from) is not { } source)
        {
            return "";
        }
        return " — " + (v.ReviewedAt is null ? S["History.RolledBackFrom", source.Number] : S["History.PublishedFrom", source.Number]);
    }

    private string Name(Guid id) => Names.TryGetValue(id, out var name) ? name : id.ToString()[..8];

    private static string Time(DateTimeOffset at) => at.ToLocalTime().ToString("yyyy-MM-dd HH:mm");
}
