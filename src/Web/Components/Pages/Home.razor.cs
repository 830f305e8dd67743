using Microsoft.AspNetCore.Components;
using Skriptoteket.Grains.Abstractions.Catalog;
using Skriptoteket.Grains.Abstractions.Errors;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;
using Skriptoteket.Web.Localization;
using Skriptoteket.Web.Tools;

namespace Skriptoteket.Web.Components.Pages;

public partial class Home
{
    /// <summary>Carried from the prerender into the live circuit, so the professions do not blink away while it starts.</summary>
    [PersistentState] public IReadOnlyList<CatalogLabel>? Professions { get; set; }

    /// <summary>The signed-in person's favorites and recently used tools (null for a visitor), carried the same way.</summary>
    [PersistentState] public MyToolLists? Mine { get; set; }

    private List<ToolCard> favorites = [];
    private HashSet<Guid>? starred;
    private IReadOnlyList<ToolCard>? results;
    private string query = "";
    private string? problem;

    [Inject] private ToolsService Tools { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    /// <summary>The search is kept in the address (/?q=…), so Back returns to the results and a search can be shared.</summary>
    [SupplyParameterFromQuery(Name = "q")] public string? Q { get; set; }

    protected override async Task OnInitializedAsync()
    {
        Professions ??= (await Tools.GetTaxonomyAsync()).Professions;
        Mine ??= await Tools.GetMyToolsAsync();
        favorites = [.. Mine?.Favorites ?? []];
        starred = Mine?.Favorites.Select(t => t.Id).ToHashSet();
    }

    protected override async Task OnParametersSetAsync()
    {
        query = Q ?? "";
        problem = null;
        try
        {
            results = string.IsNullOrWhiteSpace(Q) ? null : await Tools.SearchAsync(Q);
        }
        catch (DomainException ex) when (ex.Code == ErrorCode.Validation)
        {
            // An address edited by hand (an over-long q) gets the rule's message, not an error page.
            results = null;
            problem = ErrorText.For(L, ex);
        }
    }

    /// <summary>
    /// A tool starred here joins "Mina favoriter" at once; one unstarred stays listed (its star released) until the
    /// next visit, so the button in hand never vanishes from under the keyboard focus.
    /// </summary>
    private void OnStarChanged(FavoriteChange change)
    {
        change.ApplyTo(starred);
        if (change.Starred && favorites.All(t => t.Id != change.Tool.Id))
        {
            favorites.Add(change.Tool);
            favorites.Sort((a, b) => string.Compare(a.Title, b.Title, StringComparison.CurrentCultureIgnoreCase));
        }
    }

    private void Search() =>
        Navigation.NavigateTo(string.IsNullOrWhiteSpace(query) ? "/" : $"/?q={Uri.EscapeDataString(query.Trim())}");
}
