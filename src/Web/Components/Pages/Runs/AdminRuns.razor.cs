using Microsoft.AspNetCore.Components;
using Skriptoteket.Grains.Abstractions.Catalog;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Web.Runs;
using Skriptoteket.Web.Tools;

namespace Skriptoteket.Web.Components.Pages.Runs;

/// <summary>Every run, filtered by tool, requester, status, kind and date, one page at a time.</summary>
public sealed partial class AdminRuns
{
    private const int PageSize = 25;
    private IReadOnlyList<AdminToolRow> tools = [];
    private RunPage? result;
    private Guid? toolId;
    private string? requester;
    private RunStatus? status;
    private RunKind? kind;
    private DateTime? from;
    private DateTime? to;

    [Inject] private RunService Runs { get; set; } = null!;

    [Inject] private ToolsService Tools { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        tools = await Tools.ListToolsAsync();
        await LoadAsync(1);
    }

    private async Task LoadAsync(int page)
    {
        // The "to" date includes its whole day.
        var filter = new RunFilter(toolId, requester, status, kind, Local(from), Local(to?.AddDays(1)), page, PageSize);
        result = await Runs.PageAllAsync(filter);
    }

    private static DateTimeOffset? Local(DateTime? date) =>
        date is { } d ? new DateTimeOffset(DateTime.SpecifyKind(d.Date, DateTimeKind.Local)) : null;
}
