using Npgsql;
using Skriptoteket.Grains.Abstractions.Catalog;

namespace Skriptoteket.Grains.Catalog;

/// <summary>
/// Reads the profession and category allowlists in their order. Only migrations change them (they run before a host
/// starts), so a read is kept for <see cref="KeptFor"/>: every tool transition validates against them, and reading
/// them each time was two statements of every change (docs/performance.md, "Tool state changes"). A node that
/// outlives a newer node's migration sees the new lists within that time; the rows' foreign keys refuse a slug
/// that is gone meanwhile.
/// </summary>
internal sealed class TaxonomyReader(NpgsqlDataSource db, TimeProvider time)
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(1);

    private Kept? kept; // a reference, so a reader on another thread never sees half of it

    public async Task<CatalogTaxonomy> ReadAsync()
    {
        // Two callers at once may both read: harmless, and no lock on the hot path.
        if (kept is { } k && time.GetUtcNow() - k.ReadAt < KeptFor)
        {
            return k.Lists;
        }
        var lists = await ReadFromDatabaseAsync();
        kept = new Kept(lists, time.GetUtcNow());
        return lists;
    }

    private async Task<CatalogTaxonomy> ReadFromDatabaseAsync()
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

    private sealed record Kept(CatalogTaxonomy Lists, DateTimeOffset ReadAt);
}
