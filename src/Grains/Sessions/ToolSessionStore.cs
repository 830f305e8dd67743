using Npgsql;
using NpgsqlTypes;
using Skriptoteket.Grains.Abstractions.Sessions;

namespace Skriptoteket.Grains.Sessions;

/// <summary>The tool_sessions rows (0720_tool_sessions.sql): written only by each session's grain, read by the retention sweep.</summary>
public sealed class ToolSessionStore(NpgsqlDataSource db)
{
    /// <summary>Writes the row of an open session, or removes it when the session is not open.</summary>
    internal async Task WriteAsync(string key, SessionKind kind, Guid userId, ToolSessionState state, DateTimeOffset now)
    {
        if (!state.IsOpen)
        {
            await using var delete = db.CreateCommand("DELETE FROM tool_sessions WHERE key = @key");
            delete.Parameters.AddWithValue("key", key);
            await delete.ExecuteNonQueryAsync();
            return;
        }
        await using var c = db.CreateCommand("""
            INSERT INTO tool_sessions (key, user_id, kind, tool_id, version_id, run_ids, expires_at, updated_at)
            VALUES (@key, @user, @kind, @tool, @version, @runs, @expires, @now)
            ON CONFLICT (key) DO UPDATE SET tool_id = excluded.tool_id, version_id = excluded.version_id,
                run_ids = excluded.run_ids, expires_at = excluded.expires_at, updated_at = excluded.updated_at
            """);
        c.Parameters.AddWithValue("key", key);
        c.Parameters.AddWithValue("user", userId);
        c.Parameters.AddWithValue("kind", kind switch
        {
            SessionKind.Sandbox => "sandbox",
            SessionKind.ExampleCheck => "example_check",
            _ => "production",
        });
        c.Parameters.AddWithValue("tool", state.ToolId);
        c.Parameters.AddWithValue("version", state.VersionId);
        c.Parameters.AddWithValue("runs", NpgsqlDbType.Array | NpgsqlDbType.Uuid, state.RunIds.ToArray());
        c.Parameters.AddWithValue("expires", state.ExpiresAt);
        c.Parameters.AddWithValue("now", now);
        await c.ExecuteNonQueryAsync();
    }

    /// <summary>Keys of the sessions whose time ran out before <paramref name="now"/>.</summary>
    internal async Task<IReadOnlyList<string>> ExpiredAsync(DateTimeOffset now)
    {
        await using var c = db.CreateCommand("SELECT key FROM tool_sessions WHERE expires_at <= @now ORDER BY expires_at LIMIT 1000");
        c.Parameters.AddWithValue("now", now);
        var keys = new List<string>();
        await using var r = await c.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            keys.Add(r.GetString(0));
        }
        return keys;
    }
}
