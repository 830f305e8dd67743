using Microsoft.AspNetCore.Components;
using Skriptoteket.Grains.Abstractions.Catalog;
using Skriptoteket.Web.Tools;

namespace Skriptoteket.Web.Components.Pages.Suggestions;

public partial class MySuggestions
{
    private IReadOnlyList<SuggestionRow> rows = [];

    [Inject] private ToolsService Tools { get; set; } = null!;

    protected override async Task OnInitializedAsync() => rows = await Tools.ListMySuggestionsAsync();
}
