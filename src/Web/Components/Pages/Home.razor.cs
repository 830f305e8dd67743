using Microsoft.AspNetCore.Components;
using Skriptoteket.Grains.Abstractions.Catalog;
using Skriptoteket.Web.Tools;

namespace Skriptoteket.Web.Components.Pages;

public partial class Home
{
    private IReadOnlyList<CatalogLabel> professions = [];
    private IReadOnlyList<ToolCard>? results;
    private string query = "";

    [Inject] private ToolsService Tools { get; set; } = null!;

    protected override async Task OnInitializedAsync() => professions = (await Tools.GetTaxonomyAsync()).Professions;

    private async Task SearchAsync() => results = await Tools.SearchAsync(query);
}
