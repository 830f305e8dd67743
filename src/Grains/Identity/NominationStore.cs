using Npgsql;
using Skriptoteket.Grains.Abstractions.Identity;

namespace Skriptoteket.Grains.Identity;

/// <summary>The nominations query table, written by the nomination grains, read by the superuser's queue.</summary>
internal sealed class NominationStore(NpgsqlDataSource db)
{
    private const string Select =
        """
        SELECT n.id, n.nominee_id, e.display_name, e.email, n.nominator_id, r.display_name, n.rationale, n.status,
               n.created_at, n.decided_by, n.decided_at, n.decision_note
        FROM nominations n JOIN users e ON e.id = n.nominee_id JOIN users r ON r.id = n.nominator_id
        """;

    public async Task UpsertAsync(Guid nomineeId, NominationState s)
    {
        await using var cmd = db.CreateCommand(
            """
            INSERT INTO nominations (id, nominee_id, nominator_id, rationale, status, created_at, decided_by, decided_at, decision_note)
            VALUES (@id, @nominee, @nominator, @rationale, @status, @created, @by, @at, @note)
            ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, decided_by = EXCLUDED.decided_by,
                decided_at = EXCLUDED.decided_at, decision_note = EXCLUDED.decision_note
            """);
        cmd.Parameters.AddWithValue("id", s.Id);
        cmd.Parameters.AddWithValue("nominee", nomineeId);
        cmd.Parameters.AddWithValue("nominator", s.NominatorId);
        cmd.Parameters.AddWithValue("rationale", s.Rationale);
        cmd.Parameters.AddWithValue("status", s.Status.ToString().ToLowerInvariant());
        cmd.Parameters.AddWithValue("created", s.CreatedAt);
        cmd.Parameters.AddWithValue("by", (object?)s.DecidedBy ?? DBNull.Value);
        cmd.Parameters.AddWithValue("at", (object?)s.DecidedAt ?? DBNull.Value);
        cmd.Parameters.AddWithValue("note", (object?)s.DecisionNote ?? DBNull.Value);
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task<NominationInfo?> FindAsync(Guid id)
    {
        await using var cmd = db.CreateCommand(Select + " WHERE n.id = @id");
        cmd.Parameters.AddWithValue("id", id);
        await using var reader = await cmd.ExecuteReaderAsync();
        return await reader.ReadAsync() ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<NominationInfo>> ListPendingAsync()
    {
        await using var cmd = db.CreateCommand(Select + " WHERE n.status = 'pending' ORDER BY n.created_at");
        await using var reader = await cmd.ExecuteReaderAsync();
        var items = new List<NominationInfo>();
        while (await reader.ReadAsync())
        {
            items.Add(Read(reader));
        }
        return items;
    }

    private static NominationInfo Read(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3), r.GetGuid(4), r.GetString(5), r.GetString(6),
        Enum.Parse<NominationStatus>(r.GetString(7), ignoreCase: true), r.GetFieldValue<DateTimeOffset>(8),
        r.IsDBNull(9) ? null : r.GetGuid(9),
        r.IsDBNull(10) ? null : r.GetFieldValue<DateTimeOffset>(10),
        r.IsDBNull(11) ? null : r.GetString(11));
}
