using Skriptoteket.Grains.Abstractions.Catalog;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Suggestions;
using Skriptoteket.Grains.Abstractions.Tools;
using Microsoft.Extensions.Localization;
using Skriptoteket.Web.Localization;
using Skriptoteket.Web.Identity;
using Skriptoteket.Web.Security;

namespace Skriptoteket.Web.Tools;

/// <summary>The pages' way to the tool, suggestion and catalog grains, with the circuit's acting user.</summary>
public sealed class ToolsService(IGrainFactory grains, CurrentUser currentUser)
{
    private ICatalogGrain Catalog => grains.GetGrain<ICatalogGrain>(0);

    private IMyToolsGrain MyTools => grains.GetGrain<IMyToolsGrain>(0);

    private IToolGrain Tool(Guid id) => grains.GetGrain<IToolGrain>(id);

    public Task<CatalogTaxonomy> GetTaxonomyAsync() => Catalog.GetTaxonomyAsync();

    public Task<ProfessionCatalog?> GetProfessionAsync(string slug) => Catalog.GetProfessionAsync(slug);

    public Task<ProfessionCatalog?> GetProfessionPageAsync(string slug, int limit) => Catalog.GetProfessionPageAsync(slug, limit);

    public Task<IReadOnlyList<ToolCard>> SearchAsync(string query) => Catalog.SearchAsync(query);

    public Task<PublishedTool?> FindPublishedToolAsync(string slug) => Catalog.FindPublishedToolAsync(slug);

    /// <summary>The signed-in person's favorites and recently used tools (home); null for a visitor.</summary>
    public async Task<MyToolLists?> GetMyToolsAsync() =>
        await currentUser.FindAsync() is { } me
            ? new MyToolLists(await MyTools.ListFavoritesAsync(me), await MyTools.ListRecentAsync(me))
            : null;

    /// <summary>The ids of the signed-in person's favorites, for the stars on a page; null for a visitor (no stars).</summary>
    public async Task<HashSet<Guid>?> GetStarredAsync() =>
        await currentUser.FindAsync() is { } me ? (await MyTools.ListFavoritesAsync(me)).Select(t => t.Id).ToHashSet() : null;

    /// <summary>Stars or unstars a tool for the signed-in person (idempotent).</summary>
    public async Task SetFavoriteAsync(Guid toolId, bool favorite)
    {
        var me = await currentUser.GetAsync();
        await (favorite ? MyTools.AddFavoriteAsync(me, toolId) : MyTools.RemoveFavoriteAsync(me, toolId));
    }

    public async Task<IReadOnlyList<AdminToolRow>> ListToolsAsync() => await Catalog.ListToolsAsync(await currentUser.GetAsync());

    public async Task<IReadOnlyList<AdminToolRow>> SearchToolsAsync(string? query) =>
        await Catalog.SearchToolsAsync(await currentUser.GetAsync(), query);

    public async Task<IReadOnlyList<AdminToolRow>> ListMyToolsAsync() => await Catalog.ListMyToolsAsync(await currentUser.GetAsync());

    public async Task<ToolInfo> AddMaintainerAsync(Guid toolId, Guid userId) =>
        await Tool(toolId).AddMaintainerAsync(await currentUser.GetAsync(), userId);

    public async Task<ToolInfo> RemoveMaintainerAsync(Guid toolId, Guid userId) =>
        await Tool(toolId).RemoveMaintainerAsync(await currentUser.GetAsync(), userId);

    public async Task<IReadOnlyList<MyVersionRow>> ListMyVersionsAsync() => await Catalog.ListMyVersionsAsync(await currentUser.GetAsync());

    public async Task<IReadOnlyDictionary<Guid, string>> GetUserNamesAsync(IReadOnlyList<Guid> ids) =>
        await Catalog.GetUserNamesAsync(await currentUser.GetAsync(), ids);

    public Task<Grains.Abstractions.Identity.ActingUser> GetActorAsync() => currentUser.GetAsync();

    public async Task<ToolInfo> GetToolAsync(Guid id) => await Tool(id).GetAsync(await currentUser.GetAsync());

    /// <summary>A tool's run insights; the grain decides who may see them (forbidden, not found).</summary>
    public async Task<Grains.Abstractions.Insights.ToolInsights> GetInsightsAsync(Guid id) =>
        await grains.GetGrain<Grains.Abstractions.Insights.IInsightsGrain>(0).ForToolAsync(await currentUser.GetAsync(), id);

    public async Task<Grains.Abstractions.Insights.InsightsOverview> GetInsightsOverviewAsync() =>
        await grains.GetGrain<Grains.Abstractions.Insights.IInsightsGrain>(0).OverviewAsync(await currentUser.GetAsync());

    public async Task<ToolInfo> CreateToolAsync(ToolMetadata metadata) =>
        await Tool(Guid.NewGuid()).CreateAsync(await currentUser.GetAsync(), metadata, null);

    public async Task<ToolInfo> UpdateToolAsync(Guid id, ToolMetadata metadata) =>
        await Tool(id).UpdateMetadataAsync(await currentUser.GetAsync(), metadata);

    public async Task<ToolInfo> SetPublishedAsync(Guid id, bool published)
    {
        var actor = await currentUser.GetAsync();
        return published ? await Tool(id).PublishAsync(actor) : await Tool(id).DepublishAsync(actor);
    }

    public async Task<ToolVersion> GetVersionAsync(Guid toolId, Guid versionId) =>
        await Tool(toolId).GetVersionAsync(await currentUser.GetAsync(), versionId);

    public async Task<ToolVersionHeader> CreateDraftAsync(Guid toolId, Guid? derivedFrom) =>
        await Tool(toolId).CreateDraftAsync(await currentUser.GetAsync(), derivedFrom);

    public async Task<ToolVersionHeader> PublishVersionAsync(Guid toolId, Guid versionId, string? examplesNote = null) =>
        await Tool(toolId).PublishVersionAsync(await currentUser.GetAsync(), versionId, examplesNote);

    public async Task<ToolVersionHeader> RequestChangesAsync(Guid toolId, Guid versionId, string? note) =>
        await Tool(toolId).RequestChangesAsync(await currentUser.GetAsync(), versionId, note);

    public async Task<ToolVersionHeader> RollbackAsync(Guid toolId, Guid versionId) =>
        await Tool(toolId).RollbackAsync(await currentUser.GetAsync(), versionId);

    public async Task<SuggestionInfo> SubmitSuggestionAsync(SuggestionDraft draft) =>
        await grains.GetGrain<ISuggestionGrain>(Guid.NewGuid()).SubmitAsync(await currentUser.GetAsync(), draft);

    public async Task<SuggestionInfo> GetSuggestionAsync(Guid id) =>
        await grains.GetGrain<ISuggestionGrain>(id).GetAsync(await currentUser.GetAsync());

    public async Task<SuggestionInfo> DecideAsync(Guid id, SuggestionDecision decision) =>
        await grains.GetGrain<ISuggestionGrain>(id).DecideAsync(await currentUser.GetAsync(), decision);

    public async Task<IReadOnlyList<SuggestionRow>> ListMySuggestionsAsync() =>
        await Catalog.ListMySuggestionsAsync(await currentUser.GetAsync());

    public async Task<IReadOnlyList<SuggestionRow>> ListSuggestionQueueAsync(bool includeDecided) =>
        await Catalog.ListSuggestionQueueAsync(await currentUser.GetAsync(), includeDecided);

    /// <summary>
    /// Runs a page action; a refused command becomes a message in the active language for the snackbar instead of
    /// an exception.
    /// </summary>
    public static async Task<string?> TryAsync(Func<Task> action, IStringLocalizer localizer)
    {
        try
        {
            await action();
            return null;
        }
        catch (DomainException ex)
        {
            return ErrorText.For(localizer, ex);
        }
    }
}
