using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Skriptoteket.Grains.Audit;

internal sealed class PostgresAuditLog(NpgsqlDataSource db) : IAuditLog
{
    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        await using var batch = db.CreateBatch();
        batch.BatchCommands.Add(Command(entry));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The insert of one entry, for a writer that puts it in its own batch (one transaction, one round trip).</summary>
    internal static NpgsqlBatchCommand Command(AuditEntry entry)
    {
        var cmd = new NpgsqlBatchCommand(
            """
            INSERT INTO audit_log (actor_id, action, target_type, target_id, details, address)
            VALUES (@actor, @action, @target_type, @target_id, @details, @address)
            """);
        cmd.Parameters.AddWithValue("actor", (object?)entry.ActorId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("action", entry.Action);
        cmd.Parameters.AddWithValue("target_type", (object?)entry.TargetType ?? DBNull.Value);
        cmd.Parameters.AddWithValue("target_id", (object?)entry.TargetId ?? DBNull.Value);
        cmd.Parameters.Add(new NpgsqlParameter("details", NpgsqlDbType.Jsonb)
        {
            Value = JsonSerializer.Serialize(entry.Details ?? new Dictionary<string, object?>()),
        });
        cmd.Parameters.AddWithValue("address", (object?)entry.Address ?? DBNull.Value);
        return cmd;
    }
}
