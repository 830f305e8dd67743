using Npgsql;
using Skriptoteket.Grains.Abstractions.Catalog;

namespace Skriptoteket.Grains.Catalog;

/// <summary>
/// A profession's categories with their published tools, in one query. The page asks for the first entries only
/// ("Visa fler" asks for more): a profession with hundreds of tools rendered in one go was the catalog page's
/// cost (docs/performance.md); the API asks for all.
/// </summary>
internal sealed class ProfessionQuery(NpgsqlDataSource db)
{
    private const string Visible = VisibleTools.Where;

    /// <summary>Null for an unknown slug; <paramref name="limit"/> null: every tool.</summary>
    public async Task<ProfessionCatalog?> ReadAsync(string slug, int? limit)
    {
        if (slug is null || !ToolMetadataRules.IsValidSlug(slug))
        {
            return null; // nothing stored can have it (and text like NUL never reaches PostgreSQL)
        }
        // "shown" counts the tool entries up to and including this row in page order; a category without tools
        // is kept when it comes before the cut (or nothing is cut), so "Inga verktyg ännu" never hides more.
        await using var cmd = db.CreateCommand(
            $"""
            SELECT p.label, x.slug, x.label, x.id, x.tool_slug, x.title, x.summary, x.total, p.label_en, x.label_en FROM professions p
            LEFT JOIN (
                SELECT c.slug, c.label, c.label_en, t.id, t.slug AS tool_slug, t.title, t.summary, pc.position, lower(t.title) AS sort,
                       count(t.id) OVER (ORDER BY pc.position, lower(t.title), t.id ROWS UNBOUNDED PRECEDING) AS shown,
                       count(t.id) OVER () AS total
                FROM profession_categories pc
                JOIN categories c ON c.slug = pc.category_slug
                LEFT JOIN (tool_categories tc
                           JOIN tools t ON t.id = tc.tool_id AND {Visible}
                           JOIN tool_professions tp ON tp.tool_id = t.id)
                    ON tc.category_slug = c.slug AND tp.profession_slug = pc.profession_slug
                WHERE pc.profession_slug = @slug) x
              ON @limit::int IS NULL
                 OR (x.id IS NOT NULL AND x.shown <= @limit)
                 OR (x.id IS NULL AND (x.shown < @limit OR x.total <= @limit))
            WHERE p.slug = @slug
            ORDER BY x.position, x.sort, x.id
            """);
        cmd.Parameters.AddWithValue("slug", slug);
        cmd.Parameters.Add(new NpgsqlParameter<int?>("limit", NpgsqlTypes.NpgsqlDbType.Integer) { TypedValue = limit });
        string? label = null;
        string? labelEn = null;
        var total = 0;
        var categories = new List<(string Slug, string Label, string? LabelEn, List<ToolCard> Tools)>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            label = reader.GetString(0);
            labelEn = reader.IsDBNull(8) ? null : reader.GetString(8);
            if (reader.IsDBNull(1))
            {
                continue; // a profession without categories
            }
            total = (int)reader.GetInt64(7);
            var categorySlug = reader.GetString(1);
            if (categories.Count == 0 || categories[^1].Slug != categorySlug)
            {
                categories.Add((categorySlug, reader.GetString(2), reader.IsDBNull(9) ? null : reader.GetString(9), []));
            }
            if (!reader.IsDBNull(3))
            {
                categories[^1].Tools.Add(new ToolCard(reader.GetGuid(3), reader.GetString(4), reader.GetString(5), reader.GetString(6)));
            }
        }
        return label is null
            ? null
            : new ProfessionCatalog(slug, label, categories.Select(c => new CategoryTools(c.Slug, c.Label, c.Tools, c.LabelEn)).ToList())
            {
                ToolCount = total,
                LabelEn = labelEn,
            };
    }
}
