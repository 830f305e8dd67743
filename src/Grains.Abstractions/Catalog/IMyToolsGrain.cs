using Skriptoteket.Grains.Abstractions.Identity;

namespace Skriptoteket.Grains.Abstractions.Catalog;

/// <summary>
/// A person's own ways back to tools (stateless worker, key 0): favorites ("Mina favoriter") and the tools they ran
/// lately ("Senast använda"). Every method works on the acting user's own rows only, so no one can reach another
/// person's lists. Only tools visible to users are listed or can be starred: a depublished favorite drops out of the
/// list and comes back when the tool is published again.
/// </summary>
[Alias("Skriptoteket.IMyToolsGrain")]
public interface IMyToolsGrain : IGrainWithIntegerKey
{
    /// <summary>The most tools "Senast använda" lists.</summary>
    public const int RecentLimit = 10;

    /// <summary>Stars a published tool; starring it again changes nothing. NOT_FOUND for a tool users cannot see.</summary>
    [Alias("AddFavorite")]
    Task AddFavoriteAsync(ActingUser actor, Guid toolId);

    /// <summary>Removes the star; removing one that is not there changes nothing (and tells nothing).</summary>
    [Alias("RemoveFavorite")]
    Task RemoveFavoriteAsync(ActingUser actor, Guid toolId);

    /// <summary>The acting user's favorite published tools, by title.</summary>
    [Alias("ListFavorites")]
    Task<IReadOnlyList<ToolCard>> ListFavoritesAsync(ActingUser actor);

    /// <summary>The published tools the acting user last ran (own production runs), newest first, at most <see cref="RecentLimit"/>.</summary>
    [Alias("ListRecent")]
    Task<IReadOnlyList<ToolCard>> ListRecentAsync(ActingUser actor);
}
