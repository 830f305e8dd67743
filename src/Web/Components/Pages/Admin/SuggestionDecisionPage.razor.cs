using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Skriptoteket.Grains.Abstractions.Catalog;
using Skriptoteket.Grains.Abstractions.Errors;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;
using Skriptoteket.Grains.Abstractions.Suggestions;
using Skriptoteket.Web.Localization;
using Skriptoteket.Web.Tools;

namespace Skriptoteket.Web.Components.Pages.Admin;

public partial class SuggestionDecisionPage
{
    private SuggestionInfo? suggestion;
    private CatalogTaxonomy? taxonomy;
    private bool notFound;
    private bool busy;
    private SuggestionDecisionKind kind = SuggestionDecisionKind.Accept;
    private string rationale = "";
    private string title = "";
    private string description = "";
    private HashSet<string> professions = [];
    private HashSet<string> categories = [];
    /// <summary>"Gör förslagsställaren till underhållare": on by default when the submitter can be one (issue 22).</summary>
    private bool makeMaintainer;
    /// <summary>Why the submitter cannot be named (a plain user or a deactivated account); null when they can.</summary>
    private string? maintainerRefusal;

    [Parameter] public Guid Id { get; set; }

    [Inject] private ToolsService Tools { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private IStringLocalizer<Strings> Text { get; set; } = null!;
    [Inject] private Identity.UserAdminService Users { get; set; } = null!;

    protected override async Task OnParametersSetAsync()
    {
        taxonomy = await Tools.GetTaxonomyAsync();
        try
        {
            Show(await Tools.GetSuggestionAsync(Id));
            await ReadSubmitterAsync();
        }
        catch (DomainException ex) when (ex.Code == ErrorCode.NotFound)
        {
            notFound = true;
        }
    }

    private void Show(SuggestionInfo info)
    {
        suggestion = info;
        title = info.Draft.Title;
        description = info.Draft.Description;
        professions = [.. info.Draft.Professions];
        categories = [.. info.Draft.Categories];
    }

    private async Task DecideAsync()
    {
        if (string.IsNullOrWhiteSpace(rationale))
        {
            Snackbar.Add(Text["Decision.RationaleMissing"], Severity.Warning);
            return;
        }
        busy = true;
        var modified = kind == SuggestionDecisionKind.Modify
            ? new SuggestionDraft(title, description, [.. professions], [.. categories])
            : null;
        var decision = new SuggestionDecision(kind, rationale, modified, kind != SuggestionDecisionKind.Deny && makeMaintainer);
        var error = await ToolsService.TryAsync(async () => Show(await Tools.DecideAsync(Id, decision)), Text);
        busy = false;
        Snackbar.Add(error ?? Text["Decision.Saved"], error is null ? Severity.Success : Severity.Error);
    }

    private async Task ReadSubmitterAsync()
    {
        if (suggestion is not { Status: SuggestionStatus.Pending })
        {
            return;
        }
        var submitter = await Users.GetUserAsync(suggestion.SubmittedBy);
        maintainerRefusal = !submitter.IsActive ? Text["Maintainers.SubmitterDeactivated", submitter.DisplayName].Value
            : submitter.Role < Grains.Abstractions.Identity.Role.Contributor ? Text["Maintainers.SubmitterIsUser", submitter.DisplayName].Value
            : null;
        makeMaintainer = maintainerRefusal is null;
    }

    private static string Labels(IReadOnlyList<CatalogLabel> all, IReadOnlyList<string> slugs) =>
        string.Join(", ", all.Where(l => slugs.Contains(l.Slug)).Select(l => l.Shown()));
}
