using Npgsql;
using Skriptoteket.Grains.Abstractions.Catalog;

namespace Skriptoteket.Grains.Catalog;

/// <summary>Reads the profession and category allowlists in their order.</summary>
internal sealed class TaxonomyReader(NpgsqlDataSource db)
{
    public async Task<CatalogTaxonomy> ReadAsync()
    {
        var professions = await ReadLabelsAsync("SELECT slug, label FROM professions ORDER BY position, slug");
        var categories = await ReadLabelsAsync(
            """
            SELECT c.slug, c.label FROM categories c
            LEFT JOIN (SELECT category_slug, min(position) AS position FROM profession_categories GROUP BY category_slug) o
                ON o.category_slug = c.slug
            ORDER BY o.position NULLS LAST, c.slug
            """);
        return new CatalogTaxonomy(professions, categories);
    }

    private async Task<List<CatalogLabel>> ReadLabelsAsync(string sql)
    {
        await using var cmd = db.CreateCommand(sql);
        await using var reader = await cmd.ExecuteReaderAsync();
        var labels = new List<CatalogLabel>();
        while (await reader.ReadAsync())
        {
            labels.Add(new CatalogLabel(reader.GetString(0), reader.GetString(1)));
        }
        return labels;
    }
}
