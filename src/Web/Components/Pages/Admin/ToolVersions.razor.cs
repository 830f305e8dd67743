using Microsoft.AspNetCore.Components;
using MudBlazor;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Tools;
using Skriptoteket.Grains.Abstractions.Tools.Examples;
using Skriptoteket.Web.Tools;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;

namespace Skriptoteket.Web.Components.Pages.Admin;

public partial class ToolVersions : IAsyncDisposable
{
    private List<(ToolVersionHeader Version, IReadOnlyList<ExampleCheck> Checks)> reviewChecks = [];
    private string examplesNote = "";
    private IAsyncDisposable? watch;
    private Guid watching;
    private bool disposed;
    private ToolInfo? tool;
    private IReadOnlyDictionary<Guid, string> names = new Dictionary<Guid, string>();
    private bool notFound;
    private ActingUser actor = null!;
    private bool requireFourEyes;
    private string note = "";
    private Guid? left;
    private Guid? right;
    private ToolVersion? opened;
    private IReadOnlyList<VersionDiff.Row>? diff;
    private string diffTitle = "";

    [Parameter] public Guid Id { get; set; }

    [Inject] private ToolsService Tools { get; set; } = null!;
    [Inject] private ExamplesService Examples { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private StudioService Studio { get; set; } = null!;

    protected override async Task OnParametersSetAsync()
    {
        actor = await Tools.GetActorAsync();
        requireFourEyes = Studio.RequireFourEyes;
        try
        {
            await LoadAsync();
        }
        catch (DomainException ex) when (ex.Code == ErrorCode.NotFound)
        {
            notFound = true;
        }
    }

    private async Task LoadAsync()
    {
        tool = await Tools.GetToolAsync(Id);
        names = await Tools.GetUserNamesAsync(tool.Versions.Select(v => v.CreatedBy).ToList());
        await LoadChecksAsync();
    }

    /// <summary>The example checks of each version in review; read again whenever the examples grain says they changed.</summary>
    private async Task LoadChecksAsync()
    {
        // Watching before reading: a check that finishes in between is not missed.
        if (RendererInfo.IsInteractive && watching != Id)
        {
            await (watch?.DisposeAsync() ?? ValueTask.CompletedTask);
            watching = Id;
            watch = await Examples.WatchChecksAsync(Id, _ => InvokeAsync(async () =>
            {
                await LoadChecksAsync();
                StateHasChanged();
            }));
            if (disposed)
            {
                await watch.DisposeAsync(); // the page went away while the watch was being made
            }
        }
        var list = new List<(ToolVersionHeader, IReadOnlyList<ExampleCheck>)>();
        foreach (var v in tool!.Versions.Where(v => v.State == VersionState.InReview))
        {
            list.Add((v, await Examples.ChecksAsync(Id, v.Id)));
        }
        reviewChecks = list;
    }

    public ValueTask DisposeAsync()
    {
        disposed = true;
        return watch?.DisposeAsync() ?? ValueTask.CompletedTask;
    }

    private async Task OpenAsync(ToolVersionHeader version)
    {
        diff = null;
        opened = await Tools.GetVersionAsync(Id, version.Id);
    }

    private async Task CompareAsync()
    {
        var a = await Tools.GetVersionAsync(Id, left!.Value);
        var b = await Tools.GetVersionAsync(Id, right!.Value);
        opened = null;
        diffTitle = $"v{a.Header.Number} → v{b.Header.Number}";
        diff = VersionDiff.Of(a, b);
    }

    private async Task ActAsync(Func<Task> action, string done)
    {
        var error = await ToolsService.TryAsync(action, L);
        Snackbar.Add(error ?? done, error is null ? Severity.Success : Severity.Error);
        await LoadAsync();
    }

    private Task RollbackAsync(ToolVersionHeader v) =>
        ActAsync(() => Tools.RollbackAsync(Id, v.Id), StudioText["Done.RolledBack", v.Number]);

    private string Name(Guid id) => names.TryGetValue(id, out var name) ? name : id.ToString()[..8];

    private static string Time(DateTimeOffset? at) => at?.ToLocalTime().ToString("yyyy-MM-dd HH:mm") ?? "";
}
