using Microsoft.AspNetCore.Components;
using Skriptoteket.Grains.Abstractions.Catalog;
using Skriptoteket.Web.Tools;

namespace Skriptoteket.Web.Components.Pages.Catalog;

public partial class ToolPage
{
    private PublishedTool? tool;
    private bool notFound;
    private bool starred;

    [Parameter] public string Slug { get; set; } = "";

    [Inject] private ToolsService Tools { get; set; } = null!;

    protected override async Task OnParametersSetAsync()
    {
        tool = await Tools.FindPublishedToolAsync(Slug);
        notFound = tool is null;
        starred = tool is not null && (await Tools.GetStarredAsync())?.Contains(tool.Id) == true;
    }

    private ToolCard Card => new(tool!.Id, tool.Slug, tool.Title, tool.Summary);
}
