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

    private IReadOnlyList<ToolCard>? results;
    private string query = "";
    private string? problem;

    [Inject] private ToolsService Tools { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    /// <summary>The search is kept in the address (/?q=…), so Back returns to the results and a search can be shared.</summary>
    [SupplyParameterFromQuery(Name = "q")] public string? Q { get; set; }

    protected override async Task OnInitializedAsync() => Professions ??= (await Tools.GetTaxonomyAsync()).Professions;

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

    private void Search() =>
        Navigation.NavigateTo(string.IsNullOrWhiteSpace(query) ? "/" : $"/?q={Uri.EscapeDataString(query.Trim())}");
}
