using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Skriptoteket.Grains.Abstractions.Catalog;
using Skriptoteket.Grains.Abstractions.Suggestions;
using Skriptoteket.Web.Localization;
using Skriptoteket.Web.Tools;

namespace Skriptoteket.Web.Components.Pages.Suggestions;

public partial class NewSuggestion
{
    private CatalogTaxonomy? taxonomy;
    private string title = "";
    private string description = "";
    private readonly HashSet<string> professions = [];
    private readonly HashSet<string> categories = [];
    private bool busy;

    [Inject] private ToolsService Tools { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IStringLocalizer<Strings> Text { get; set; } = null!;

    protected override async Task OnInitializedAsync() => taxonomy = await Tools.GetTaxonomyAsync();

    private async Task SubmitAsync()
    {
        if (string.IsNullOrWhiteSpace(title) || string.IsNullOrWhiteSpace(description) || professions.Count == 0 || categories.Count == 0)
        {
            Snackbar.Add(Text["NewSuggestion.Incomplete"], Severity.Warning);
            return;
        }
        busy = true;
        var error = await ToolsService.TryAsync(() => Tools.SubmitSuggestionAsync(
            new SuggestionDraft(title, description, [.. professions], [.. categories])), Text);
        busy = false;
        if (error is not null)
        {
            Snackbar.Add(error, Severity.Error);
            return;
        }
        Snackbar.Add(Text["NewSuggestion.Sent"], Severity.Success);
        Navigation.NavigateTo("/suggestions/mine");
    }
}
