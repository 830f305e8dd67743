using Microsoft.AspNetCore.Components;
using Skriptoteket.Grains.Abstractions.Catalog;
using Skriptoteket.Web.Tools;

namespace Skriptoteket.Web.Components.Pages.Catalog;

/// <summary>
/// A profession's categories and tools, the first <see cref="PageSize"/> at a time: "Visa fler" is a plain link to
/// the same page asking for more (works before and after the page turns interactive, and keeps its place on reload).
/// </summary>
public partial class ProfessionPage
{
    internal const int PageSize = 50;

    private ProfessionCatalog? profession;
    private bool notFound;
    private HashSet<Guid>? starred;

    [Parameter] public string Slug { get; set; } = "";

    /// <summary>How many tool entries to list ("antal" in the address); one page when absent or nonsense.</summary>
    [SupplyParameterFromQuery(Name = "antal")] public int? Count { get; set; }

    [Inject] private ToolsService Tools { get; set; } = null!;

    private bool HasMore => profession is not null && profession.ToolCount > profession.ListedCount;

    private string MoreHref => $"/professions/{Uri.EscapeDataString(Slug)}?antal={profession!.ListedCount + PageSize}";

    protected override async Task OnParametersSetAsync()
    {
        profession = await Tools.GetProfessionPageAsync(Slug, Count is > 0 ? Count.Value : PageSize);
        notFound = profession is null;
        starred = await Tools.GetStarredAsync();
    }

    private void OnStarChanged(FavoriteChange change) => change.ApplyTo(starred);
}
