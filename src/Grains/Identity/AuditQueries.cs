using Npgsql;
using Skriptoteket.Grains.Abstractions.Identity;

namespace Skriptoteket.Grains.Identity;

/// <summary>Reads the append-only audit log for the superuser's viewer.</summary>
internal sealed class AuditQueries(NpgsqlDataSource db)
{
    public async Task<AuditPage> SearchAsync(AuditFilter filter)
    {
        var page = Math.Max(1, filter.Page);
        var size = Math.Clamp(filter.PageSize, 1, 200);
        await using var cmd = db.CreateCommand(
            """
            SELECT a.id, a.occurred_at, a.actor_id, u.display_name, a.action, a.target_type, a.target_id,
                   a.details::text, a.address, count(*) OVER ()
            FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
            WHERE (@action IS NULL OR a.action = @action)
              AND (@actor IS NULL OR u.email ILIKE @actor OR u.display_name ILIKE @actor)
              AND (@from IS NULL OR a.occurred_at >= @from)
              AND (@to IS NULL OR a.occurred_at < @to)
            ORDER BY a.occurred_at DESC, a.id DESC
            LIMIT @limit OFFSET @offset
            """);
        cmd.Parameters.Add(new NpgsqlParameter<string?>("action", Blank(filter.Action)));
        cmd.Parameters.Add(new NpgsqlParameter<string?>("actor", Blank(filter.Actor) is { } a ? "%" + Escape(a) + "%" : null));
        cmd.Parameters.Add(new NpgsqlParameter<DateTimeOffset?>("from", filter.From?.ToUniversalTime()));
        cmd.Parameters.Add(new NpgsqlParameter<DateTimeOffset?>("to", filter.To?.ToUniversalTime()));
        cmd.Parameters.AddWithValue("limit", size);
        cmd.Parameters.AddWithValue("offset", (page - 1) * size);
        var items = new List<AuditRecord>();
        long total = 0;
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            items.Add(new AuditRecord(
                r.GetInt64(0), r.GetFieldValue<DateTimeOffset>(1), r.IsDBNull(2) ? null : r.GetGuid(2),
                r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5),
                r.IsDBNull(6) ? null : r.GetString(6), r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8)));
            total = r.GetInt64(9);
        }
        await r.DisposeAsync();
        return new AuditPage(items, page, size, total) { Names = await AuditNames.ResolveAsync(db, items) };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Escape(string value) => value.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
