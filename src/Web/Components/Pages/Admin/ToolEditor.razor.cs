using Microsoft.AspNetCore.Components;
using MudBlazor;
using Skriptoteket.Grains.Abstractions.Catalog;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Tools;
using Skriptoteket.Web.Tools;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;

namespace Skriptoteket.Web.Components.Pages.Admin;

public partial class ToolEditor
{
    private CatalogTaxonomy? taxonomy;
    private ToolInfo? tool;
    private bool notFound;
    private bool busy;
    private string slug = "";
    private string title = "";
    private string summary = "";
    private string usage = "";
    /// <summary>A new tool's slug follows its title until the admin writes a slug of their own.</summary>
    private bool slugWrittenByHand;
    private HashSet<string> professions = [];
    private HashSet<string> categories = [];

    [Parameter] public Guid? Id { get; set; }

    [Inject] private ToolsService Tools { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    protected override async Task OnParametersSetAsync()
    {
        taxonomy = await Tools.GetTaxonomyAsync();
        if (Id is not { } id)
        {
            return;
        }
        try
        {
            Show(await Tools.GetToolAsync(id));
        }
        catch (DomainException ex) when (ex.Code == ErrorCode.NotFound)
        {
            notFound = true;
        }
    }

    private string SlugHelp => tool?.SlugLocked == true
        ? L["ToolAdmin.SlugLocked"]
        : L["ToolAdmin.SlugHelp", string.IsNullOrWhiteSpace(slug) ? "…" : slug.Trim()]
          + (Id is null ? " " + L["ToolAdmin.SlugProposed"] : "");

    private void TitleChanged(string value)
    {
        title = value;
        if (Id is null && !slugWrittenByHand)
        {
            slug = string.IsNullOrWhiteSpace(value) ? "" : SlugProposal.FromTitle(value);
        }
    }

    private void SlugChanged(string value)
    {
        slug = value;
        // Emptying the field hands the slug back to the title's proposal.
        slugWrittenByHand = !string.IsNullOrWhiteSpace(value);
    }

    private void Show(ToolInfo info)
    {
        tool = info;
        (slug, title, summary, usage) = (info.Metadata.Slug, info.Metadata.Title, info.Metadata.Summary, info.Metadata.UsageMarkdown);
        professions = [.. info.Metadata.Professions];
        categories = [.. info.Metadata.Categories];
    }

    private async Task SaveAsync()
    {
        busy = true;
        var metadata = new ToolMetadata(slug, title, summary, usage, [.. professions], [.. categories]);
        ToolInfo? saved = null;
        var error = await ToolsService.TryAsync(async () =>
            saved = Id is { } id ? await Tools.UpdateToolAsync(id, metadata) : await Tools.CreateToolAsync(metadata), L);
        busy = false;
        if (error is not null || saved is null)
        {
            Snackbar.Add(error ?? L["ToolAdmin.SaveFailed"], Severity.Error);
            return;
        }
        Snackbar.Add(L["ToolAdmin.Saved"], Severity.Success);
        if (Id is null)
        {
            Navigation.NavigateTo($"/admin/tools/{saved.Id}");
            return;
        }
        Show(saved);
    }

    private async Task SetPublishedAsync(bool published)
    {
        var error = await ToolsService.TryAsync(async () => Show(await Tools.SetPublishedAsync(Id!.Value, published)), L);
        Snackbar.Add(error ?? (published ? L["ToolAdmin.Published"] : L["ToolAdmin.Depublished"]), error is null ? Severity.Success : Severity.Error);
    }
}
