using Npgsql;
using Orleans.Concurrency;
using Skriptoteket.Grains.Abstractions.Catalog;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;

namespace Skriptoteket.Grains.Catalog;

/// <summary>
/// Favorites and recently used tools: plain SQL on the acting user's own rows (the user id comes from the session,
/// never from the caller's choice of key or path). Starring and unstarring are idempotent statements, so a double
/// click or a repeated PUT/DELETE never makes a second row or an error.
/// </summary>
[StatelessWorker]
internal sealed class MyToolsGrain(NpgsqlDataSource db) : Grain, IMyToolsGrain
{
    public async Task AddFavoriteAsync(ActingUser actor, Guid toolId)
    {
        // One statement: the tool is checked and starred together, so a tool depublished meanwhile is never starred.
        await using var cmd = db.CreateCommand(
            $"""
            WITH tool AS (SELECT t.id FROM tools t WHERE t.id = @tool AND {VisibleTools.Where}),
                 starred AS (INSERT INTO favorites (user_id, tool_id) SELECT @me, id FROM tool ON CONFLICT DO NOTHING)
            SELECT count(*) FROM tool
            """);
        cmd.Parameters.AddWithValue("me", actor.UserId);
        cmd.Parameters.AddWithValue("tool", toolId);
        if ((long)(await cmd.ExecuteScalarAsync())! == 0)
        {
            throw DomainException.NotFound("Verktyget");
        }
    }

    public async Task RemoveFavoriteAsync(ActingUser actor, Guid toolId)
    {
        await using var cmd = db.CreateCommand("DELETE FROM favorites WHERE user_id = @me AND tool_id = @tool");
        cmd.Parameters.AddWithValue("me", actor.UserId);
        cmd.Parameters.AddWithValue("tool", toolId);
        await cmd.ExecuteNonQueryAsync();
    }

    public Task<IReadOnlyList<ToolCard>> ListFavoritesAsync(ActingUser actor) => ReadCardsAsync(
        $"""
        SELECT t.id, t.slug, t.title, t.summary FROM favorites f JOIN tools t ON t.id = f.tool_id
        WHERE f.user_id = @me AND {VisibleTools.Where}
        ORDER BY lower(t.title), t.id
        """, actor);

    // The newest own production run per tool (index runs_recent_tools, migration 0680): sandbox runs and example
    // checks are an author's tests of a version, not uses of the tool.
    public Task<IReadOnlyList<ToolCard>> ListRecentAsync(ActingUser actor) => ReadCardsAsync(
        $"""
        SELECT t.id, t.slug, t.title, t.summary
        FROM (SELECT tool_id, max(created_at) AS last_run FROM runs
              WHERE requested_by = @me AND kind = 'production' GROUP BY tool_id) r
        JOIN tools t ON t.id = r.tool_id
        WHERE {VisibleTools.Where}
        ORDER BY r.last_run DESC, t.id
        LIMIT {IMyToolsGrain.RecentLimit}
        """, actor);

    private async Task<IReadOnlyList<ToolCard>> ReadCardsAsync(string sql, ActingUser actor)
    {
        await using var cmd = db.CreateCommand(sql);
        cmd.Parameters.AddWithValue("me", actor.UserId);
        var cards = new List<ToolCard>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            cards.Add(new ToolCard(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }
        return cards;
    }
}
