using Microsoft.AspNetCore.Components;
using Skriptoteket.Grains.Abstractions.Catalog;
using Skriptoteket.Grains.Abstractions.Errors;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;
using Skriptoteket.Web.Localization;
using Skriptoteket.Web.Tools;

namespace Skriptoteket.Web.Components.Pages.Admin;

public partial class ToolsList
{
    private IReadOnlyList<AdminToolRow> rows = [];
    private string query = "";
    private string? problem;

    [Inject] private ToolsService Tools { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    /// <summary>The search is kept in the address (/admin/tools?q=…) like home's, so Back and reload keep it.</summary>
    [SupplyParameterFromQuery(Name = "q")] public string? Q { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        query = Q ?? "";
        try
        {
            rows = await Tools.SearchToolsAsync(Q);
            problem = null;
        }
        catch (DomainException ex) when (ex.Code == ErrorCode.Validation)
        {
            // An address edited by hand (an over-long q) gets the rule's message, not an error page.
            rows = [];
            problem = ErrorText.For(L, ex);
        }
    }

    private void Search() =>
        Navigation.NavigateTo(string.IsNullOrWhiteSpace(query) ? "/admin/tools" : $"/admin/tools?q={Uri.EscapeDataString(query.Trim())}");
}
