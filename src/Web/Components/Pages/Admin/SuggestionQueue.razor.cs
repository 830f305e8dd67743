using Microsoft.AspNetCore.Components;
using Skriptoteket.Grains.Abstractions.Catalog;
using Skriptoteket.Web.Tools;

namespace Skriptoteket.Web.Components.Pages.Admin;

public partial class SuggestionQueue
{
    private IReadOnlyList<SuggestionRow> rows = [];
    private bool includeDecided;

    [Inject] private ToolsService Tools { get; set; } = null!;

    protected override async Task OnInitializedAsync() => rows = await Tools.ListSuggestionQueueAsync(includeDecided);

    private async Task ToggleAsync(bool value)
    {
        includeDecided = value;
        rows = await Tools.ListSuggestionQueueAsync(includeDecided);
    }
}
