using Npgsql;
using Skriptoteket.Grains.Abstractions.Catalog;

namespace Skriptoteket.Grains.Catalog;

/// <summary>Reads the profession and category allowlists in their order.</summary>
internal sealed class TaxonomyReader(NpgsqlDataSource db)
{
    public async Task<CatalogTaxonomy> ReadAsync()
    {
        // Both lists in one round trip (read on every tool transition and every taxonomy request).
        await using var batch = db.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT slug, label, label_en FROM professions ORDER BY position, slug"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            """
            SELECT c.slug, c.label, c.label_en FROM categories c
            LEFT JOIN (SELECT category_slug, min(position) AS position FROM profession_categories GROUP BY category_slug) o
                ON o.category_slug = c.slug
            ORDER BY o.position NULLS LAST, c.slug
            """));
        await using var reader = await batch.ExecuteReaderAsync();
        var professions = await ReadLabelsAsync(reader);
        await reader.NextResultAsync();
        var categories = await ReadLabelsAsync(reader);
        return new CatalogTaxonomy(professions, categories);
    }

    private static async Task<List<CatalogLabel>> ReadLabelsAsync(NpgsqlDataReader reader)
    {
        var labels = new List<CatalogLabel>();
        while (await reader.ReadAsync())
        {
            labels.Add(new CatalogLabel(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }
        return labels;
    }
}
