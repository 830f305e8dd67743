using Skriptoteket.Grains.Abstractions.Identity;

namespace Skriptoteket.Grains.Abstractions.Catalog;

/// <summary>
/// The read side (stateless worker, key 0): lists and searches read PostgreSQL, never fan out to grains.
/// Lists for admins check the acting user's role.
/// </summary>
[Alias("Skriptoteket.ICatalogGrain")]
public interface ICatalogGrain : IGrainWithIntegerKey
{
    /// <summary>Professions and categories in their order.</summary>
    [Alias("GetTaxonomy")]
    Task<CatalogTaxonomy> GetTaxonomyAsync();

    /// <summary>A profession's ordered categories with their published tools; null for an unknown slug.</summary>
    [Alias("GetProfession")]
    Task<ProfessionCatalog?> GetProfessionAsync(string slug);

    /// <summary>
    /// The same with the first <paramref name="limit"/> tool entries in page order (the catalog page, "Visa fler");
    /// <see cref="ProfessionCatalog.ToolCount"/> says how many there are in all.
    /// </summary>
    [Alias("GetProfessionPage")]
    Task<ProfessionCatalog?> GetProfessionPageAsync(string slug, int limit);

    /// <summary>Published tools whose title or summary contains the query, ignoring case and å/ä/ö/é.</summary>
    [Alias("Search")]
    Task<IReadOnlyList<ToolCard>> SearchAsync(string query);

    /// <summary>A published tool with an active version, by slug; null otherwise.</summary>
    [Alias("FindPublishedTool")]
    Task<PublishedTool?> FindPublishedToolAsync(string slug);

    /// <summary>Admin+: every tool with its state.</summary>
    [Alias("ListTools")]
    Task<IReadOnlyList<AdminToolRow>> ListToolsAsync(ActingUser actor);

    /// <summary>Admin+: the tools whose title, summary or slug contains the query (the same rule as <see cref="SearchAsync"/>); every tool when it is empty.</summary>
    [Alias("SearchTools")]
    Task<IReadOnlyList<AdminToolRow>> SearchToolsAsync(ActingUser actor, string? query);

    /// <summary>Contributor+: the tools the acting user maintains ("Mina verktyg", issue 22), by title.</summary>
    [Alias("ListMyTools")]
    Task<IReadOnlyList<AdminToolRow>> ListMyToolsAsync(ActingUser actor);

    /// <summary>The versions the acting user created, newest first.</summary>
    [Alias("ListMyVersions")]
    Task<IReadOnlyList<MyVersionRow>> ListMyVersionsAsync(ActingUser actor);

    /// <summary>Admin+: suggestions, pending first (decided ones too when asked).</summary>
    [Alias("ListSuggestionQueue")]
    Task<IReadOnlyList<SuggestionRow>> ListSuggestionQueueAsync(ActingUser actor, bool includeDecided);

    /// <summary>The acting user's own suggestions.</summary>
    [Alias("ListMySuggestions")]
    Task<IReadOnlyList<SuggestionRow>> ListMySuggestionsAsync(ActingUser actor);

    /// <summary>Contributor+: the tool a version belongs to (for routes that name only the version); null when unknown.</summary>
    [Alias("FindToolOfVersion")]
    Task<Guid?> FindToolOfVersionAsync(ActingUser actor, Guid versionId);

    /// <summary>Contributor+: display names of users (authors in version histories); unknown ids are left out.</summary>
    [Alias("GetUserNames")]
    Task<IReadOnlyDictionary<Guid, string>> GetUserNamesAsync(ActingUser actor, IReadOnlyList<Guid> userIds);
}
