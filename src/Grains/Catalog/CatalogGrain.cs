using Npgsql;
using Orleans.Concurrency;
using Skriptoteket.Grains.Abstractions.Catalog;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Validation;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;

namespace Skriptoteket.Grains.Catalog;

/// <summary>The read side: plain SQL over the query tables the tool and suggestion grains write.</summary>
[StatelessWorker]
internal sealed class CatalogGrain(NpgsqlDataSource db, TaxonomyReader taxonomy, ProfessionQuery profession) : Grain, ICatalogGrain
{
    private const int MaxProfessionPage = 1000;

    private const string Visible = VisibleTools.Where;

    public Task<CatalogTaxonomy> GetTaxonomyAsync() => taxonomy.ReadAsync();

    public Task<ProfessionCatalog?> GetProfessionAsync(string slug) => profession.ReadAsync(slug, null);

    public Task<ProfessionCatalog?> GetProfessionPageAsync(string slug, int limit) =>
        profession.ReadAsync(slug, Math.Clamp(limit, 1, MaxProfessionPage));

    public async Task<IReadOnlyList<ToolCard>> SearchAsync(string query)
    {
        var q = TextRules.Optional(query, "Sökningen", TextLimits.SearchQuery);
        if (q.Length == 0)
        {
            return [];
        }
        await using var cmd = db.CreateCommand(
            $"""
            SELECT t.id, t.slug, t.title, t.summary FROM tools t
            WHERE {Visible} AND {ToolSearch.AnyContains("t.title", "t.summary")}
            ORDER BY lower(t.title) LIMIT 50
            """);
        ToolSearch.AddQuery(cmd, q);
        var cards = new List<ToolCard>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            cards.Add(new ToolCard(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }
        return cards;
    }

    public async Task<PublishedTool?> FindPublishedToolAsync(string slug)
    {
        if (slug is null || !ToolMetadataRules.IsValidSlug(slug))
        {
            return null;
        }
        await using var cmd = db.CreateCommand(
            $"""
             SELECT t.id, t.slug, t.title, t.summary, t.usage_md, t.active_version_id,
                    (SELECT v.inputs::text FROM tool_versions v WHERE v.id = t.active_version_id),
                    COALESCE((SELECT array_agg(u.display_name ORDER BY m.added_at) FROM tool_maintainers m
                              JOIN users u ON u.id = m.user_id WHERE m.tool_id = t.id), ARRAY[]::text[])
             FROM tools t WHERE t.slug = @slug AND {Visible}
             """);
        cmd.Parameters.AddWithValue("slug", slug);
        await using var reader = await cmd.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new PublishedTool(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetGuid(5), ToolInputsJson.ReadStored(reader.IsDBNull(6) ? null : reader.GetString(6)),
                reader.GetFieldValue<string[]>(7))
            : null;
    }

    public Task<IReadOnlyList<AdminToolRow>> ListToolsAsync(ActingUser actor) => SearchToolsAsync(actor, null);

    public async Task<IReadOnlyList<AdminToolRow>> SearchToolsAsync(ActingUser actor, string? query)
    {
        EnsureAdmin(actor);
        // An empty query contains in every title: the whole list.
        var q = TextRules.Optional(query, "Sökningen", TextLimits.SearchQuery);
        await using var cmd = db.CreateCommand(ToolRowsWhere(ToolSearch.AnyContains("t.title", "t.summary", "t.slug")));
        ToolSearch.AddQuery(cmd, q);
        return await ReadToolRowsAsync(cmd);
    }

    public async Task<IReadOnlyList<AdminToolRow>> ListMyToolsAsync(ActingUser actor)
    {
        EnsureContributor(actor);
        await using var cmd = db.CreateCommand(
            ToolRowsWhere("EXISTS (SELECT 1 FROM tool_maintainers m WHERE m.tool_id = t.id AND m.user_id = @me)"));
        cmd.Parameters.AddWithValue("me", actor.UserId);
        return await ReadToolRowsAsync(cmd);
    }

    /// <summary>The admin list's row of each tool that matches <paramref name="where"/>, by title.</summary>
    private static string ToolRowsWhere(string where) =>
        $"""
        SELECT t.id, t.slug, t.title, t.is_published, av.number,
               (SELECT count(*) FROM tool_versions v WHERE v.tool_id = t.id AND v.state = 'in_review')::int,
               t.updated_at
        FROM tools t LEFT JOIN tool_versions av ON av.id = t.active_version_id
        WHERE {where}
        ORDER BY lower(t.title)
        """;

    private static async Task<IReadOnlyList<AdminToolRow>> ReadToolRowsAsync(NpgsqlCommand cmd)
    {
        var rows = new List<AdminToolRow>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new AdminToolRow(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3),
                reader.IsDBNull(4) ? null : reader.GetInt32(4), reader.GetInt32(5), reader.GetFieldValue<DateTimeOffset>(6)));
        }
        return rows;
    }

    public async Task<IReadOnlyList<MyVersionRow>> ListMyVersionsAsync(ActingUser actor)
    {
        await using var cmd = db.CreateCommand(
            """
            SELECT v.tool_id, t.title, v.id, v.number, v.state, v.created_at
            FROM tool_versions v JOIN tools t ON t.id = v.tool_id
            WHERE v.created_by = @me ORDER BY v.created_at DESC, v.number DESC LIMIT 200
            """);
        cmd.Parameters.AddWithValue("me", actor.UserId);
        var rows = new List<MyVersionRow>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new MyVersionRow(reader.GetGuid(0), reader.GetString(1), reader.GetGuid(2), reader.GetInt32(3),
                reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5)));
        }
        return rows;
    }

    public Task<IReadOnlyList<SuggestionRow>> ListSuggestionQueueAsync(ActingUser actor, bool includeDecided)
    {
        EnsureAdmin(actor);
        return ReadSuggestionsAsync(includeDecided ? "TRUE" : "s.status = 'pending'", null);
    }

    public Task<IReadOnlyList<SuggestionRow>> ListMySuggestionsAsync(ActingUser actor) =>
        ReadSuggestionsAsync("s.submitted_by = @me", actor.UserId);

    public async Task<Guid?> FindToolOfVersionAsync(ActingUser actor, Guid versionId)
    {
        EnsureContributor(actor);
        await using var cmd = db.CreateCommand("SELECT tool_id FROM tool_versions WHERE id = @id");
        cmd.Parameters.AddWithValue("id", versionId);
        return await cmd.ExecuteScalarAsync() is Guid toolId ? toolId : null;
    }

    public async Task<IReadOnlyDictionary<Guid, string>> GetUserNamesAsync(ActingUser actor, IReadOnlyList<Guid> userIds)
    {
        // Names are personal data: only those who work on tools (and see their histories) may look them up.
        EnsureContributor(actor);
        await using var cmd = db.CreateCommand("SELECT id, display_name FROM users WHERE id = ANY(@ids)");
        cmd.Parameters.AddWithValue("ids", userIds.Distinct().ToArray());
        var names = new Dictionary<Guid, string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names[reader.GetGuid(0)] = reader.GetString(1);
        }
        return names;
    }

    private async Task<IReadOnlyList<SuggestionRow>> ReadSuggestionsAsync(string where, Guid? me)
    {
        await using var cmd = db.CreateCommand(
            $"""
            SELECT s.id, s.title, s.status, s.submitted_by, coalesce(u.display_name, ''), s.submitted_at, s.decided_at, s.tool_id
            FROM suggestions s LEFT JOIN users u ON u.id = s.submitted_by
            WHERE {where}
            ORDER BY (s.status = 'pending') DESC, s.submitted_at LIMIT 500
            """);
        if (me is { } id)
        {
            cmd.Parameters.AddWithValue("me", id);
        }
        var rows = new List<SuggestionRow>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new SuggestionRow(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetGuid(3),
                reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5),
                reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
                reader.IsDBNull(7) ? null : reader.GetGuid(7)));
        }
        return rows;
    }

    private static void EnsureContributor(ActingUser actor)
    {
        if (!actor.IsAtLeast(Role.Contributor))
        {
            throw DomainException.Forbidden();
        }
    }

    private static void EnsureAdmin(ActingUser actor)
    {
        if (!actor.IsAtLeast(Role.Admin))
        {
            throw DomainException.Forbidden();
        }
    }
}
