using Microsoft.AspNetCore.Components;
using Skriptoteket.Grains.Abstractions.Catalog;
using Skriptoteket.Web.Tools;

namespace Skriptoteket.Web.Components.Pages.Suggestions;

public partial class MyDrafts
{
    private IReadOnlyList<MyVersionRow> rows = [];

    [Inject] private ToolsService Tools { get; set; } = null!;

    protected override async Task OnInitializedAsync() => rows = await Tools.ListMyVersionsAsync();
}
