using Microsoft.AspNetCore.Components;
using Skriptoteket.Grains.Abstractions.Catalog;
using Skriptoteket.Web.Tools;

namespace Skriptoteket.Web.Components.Pages.Admin;

public partial class ToolsList
{
    private IReadOnlyList<AdminToolRow> rows = [];

    [Inject] private ToolsService Tools { get; set; } = null!;

    protected override async Task OnInitializedAsync() => rows = await Tools.ListToolsAsync();
}
