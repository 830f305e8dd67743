using Skriptoteket.Grains.Abstractions.Catalog;

namespace Skriptoteket.Web.Tools;

/// <summary>Home's "Mina favoriter" and "Senast använda" for the signed-in person.</summary>
public sealed record MyToolLists(IReadOnlyList<ToolCard> Favorites, IReadOnlyList<ToolCard> Recent);

/// <summary>A star pressed or released on a tool (after the server took it).</summary>
public readonly record struct FavoriteChange(ToolCard Tool, bool Starred)
{
    /// <summary>Brings a page's set of starred tools in step, so every star of the tool on the page shows it.</summary>
    public void ApplyTo(ISet<Guid>? starred)
    {
        if (Starred)
        {
            starred?.Add(Tool.Id);
        }
        else
        {
            starred?.Remove(Tool.Id);
        }
    }
}
