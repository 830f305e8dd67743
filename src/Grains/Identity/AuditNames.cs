using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Skriptoteket.Grains.Abstractions.Identity;

namespace Skriptoteket.Grains.Identity;

/// <summary>
/// Resolves the ids on one audit page (targets and id-valued details) to names in one query: tools, users,
/// versions, runs, examples and nominations (by their nominee) by primary key. An id that matches nothing (a deleted example) keeps showing as an id.
/// </summary>
internal static class AuditNames
{
    public static async Task<IReadOnlyDictionary<Guid, AuditName>> ResolveAsync(NpgsqlDataSource db, IReadOnlyList<AuditRecord> rows)
    {
        var ids = rows.SelectMany(IdsOf).Distinct().ToArray();
        var names = new Dictionary<Guid, AuditName>();
        if (ids.Length == 0)
        {
            return names;
        }
        await using var cmd = db.CreateCommand(
            """
            SELECT 0, id, title, NULL, id FROM tools WHERE id = ANY(@ids)
            UNION ALL SELECT 1, id, display_name, email, NULL FROM users WHERE id = ANY(@ids)
            UNION ALL SELECT 2, v.id, t.title, v.number::text, t.id FROM tool_versions v JOIN tools t ON t.id = v.tool_id WHERE v.id = ANY(@ids)
            UNION ALL SELECT 3, r.id, t.title, NULL, t.id FROM runs r JOIN tools t ON t.id = r.tool_id WHERE r.id = ANY(@ids)
            UNION ALL SELECT 4, e.id, e.name, NULL, e.tool_id FROM tool_examples e WHERE e.id = ANY(@ids)
            UNION ALL SELECT 5, n.id, u.display_name, u.email, NULL FROM nominations n JOIN users u ON u.id = n.nominee_id WHERE n.id = ANY(@ids)
            """);
        cmd.Parameters.AddWithValue("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid, ids);
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            names[r.GetGuid(1)] = new AuditName((AuditNameKind)r.GetInt32(0), r.GetString(2),
                r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetGuid(4));
        }
        return names;
    }

    /// <summary>The target id and every top-level detail value that is an id.</summary>
    private static IEnumerable<Guid> IdsOf(AuditRecord row)
    {
        if (Guid.TryParse(row.TargetId, out var target))
        {
            yield return target;
        }
        if (string.IsNullOrWhiteSpace(row.Details))
        {
            yield break;
        }
        List<Guid> found = [];
        try
        {
            using var document = JsonDocument.Parse(row.Details);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                found.AddRange(document.RootElement.EnumerateObject()
                    .Where(p => p.Value.ValueKind == JsonValueKind.String && Guid.TryParse(p.Value.GetString(), out _))
                    .Select(p => Guid.Parse(p.Value.GetString()!)));
            }
        }
        catch (JsonException)
        {
            // Details in another shape are shown as stored; they name nothing.
        }
        foreach (var id in found)
        {
            yield return id;
        }
    }
}
