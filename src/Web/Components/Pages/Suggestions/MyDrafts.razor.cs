using Microsoft.AspNetCore.Components;
using Skriptoteket.Grains.Abstractions.Catalog;
using Skriptoteket.Web.Tools;

namespace Skriptoteket.Web.Components.Pages.Suggestions;

public partial class MyDrafts
{
    private IReadOnlyList<MyVersionRow> rows = [];

    [Inject] private ToolsService Tools { get; set; } = null!;

    /// <summary>Versions still being worked on: drafts and those waiting for review.</summary>
    private List<MyVersionRow> InWork => [.. rows.Where(r => r.State is "draft" or "in_review")];

    /// <summary>Published (active) and archived versions: done, kept for reference.</summary>
    private List<MyVersionRow> Earlier => [.. rows.Where(r => r.State is not ("draft" or "in_review"))];

    protected override async Task OnInitializedAsync() => rows = await Tools.ListMyVersionsAsync();
}
