using Npgsql;
using Skriptoteket.Grains.Abstractions.Identity;

namespace Skriptoteket.Grains.Tools.Examples;

/// <summary>
/// A check row as the background loop needs it: <see cref="RunId"/> its first run, <see cref="StepIndex"/> the listed
/// step it has reached (0: the first run) and <see cref="LastRunId"/> that step's run.
/// </summary>
internal sealed record PendingCheck(Guid VersionId, Guid ExampleId, Guid RunId, ActingUser RequestedBy, int StepIndex, Guid? LastRunId)
{
    /// <summary>The run the check follows now.</summary>
    public Guid CurrentRunId => LastRunId ?? RunId;
}

/// <summary>
/// A check row as a list shows it (the status against the expected result is worked out by the grain): RunId the run
/// whose output it holds (the last step's), FirstRunId the check's first run.
/// </summary>
internal sealed record CheckRow(Guid VersionId, Guid ExampleId, string ExampleName, string Status, Guid RunId,
    string? OutputText, string? Error, string? ExpectedText, DateTimeOffset QueuedAt, DateTimeOffset? FinishedAt, Guid FirstRunId);

/// <summary>The tool_example_checks table (migration 0640), written only by the tool examples grain.</summary>
internal sealed class CheckStore(NpgsqlDataSource db)
{
    /// <summary>
    /// Queues the tool's examples against a version in one statement: every example (a save), or only those
    /// without a live check (submit). Pending checks of the superseded version are dropped first.
    /// </summary>
    public async Task<int> QueueAsync(Guid toolId, Guid versionId, Guid? supersedes, bool onlyMissing, ActingUser actor)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        if (supersedes is { } old)
        {
            await using var drop = new NpgsqlCommand(
                "UPDATE tool_example_checks SET status = 'superseded', finished_at = now() WHERE version_id = @v AND status = 'pending'",
                connection, tx);
            drop.Parameters.AddWithValue("v", old);
            await drop.ExecuteNonQueryAsync();
        }
        await using var queue = new NpgsqlCommand(
            $"""
            INSERT INTO tool_example_checks (version_id, example_id, tool_id, status, run_id, requested_by, requested_role)
            SELECT @v, e.id, @t, 'pending', gen_random_uuid(), @by, @role FROM tool_examples e WHERE e.tool_id = @t
            ON CONFLICT (version_id, example_id) DO UPDATE SET status = 'pending', run_id = excluded.run_id,
                requested_by = excluded.requested_by, requested_role = excluded.requested_role, output_text = NULL,
                error = NULL, queued_at = now(), finished_at = NULL, step_index = 0, last_run_id = NULL
            {(onlyMissing ? "WHERE tool_example_checks.status = 'superseded'" : "")}
            """, connection, tx);
        queue.Parameters.AddWithValue("v", versionId);
        queue.Parameters.AddWithValue("t", toolId);
        queue.Parameters.AddWithValue("by", actor.UserId);
        queue.Parameters.AddWithValue("role", (int)actor.Role);
        var queued = await queue.ExecuteNonQueryAsync();
        await tx.CommitAsync();
        return queued;
    }

    /// <summary>
    /// The studio's "Kör exempel": the run just started becomes the example's check against the version (pending),
    /// replacing an earlier one, so that the example's latest run is the one its check shows and accepts.
    /// </summary>
    public async Task RecordRunAsync(Guid toolId, Guid versionId, Guid exampleId, Guid runId, ActingUser actor)
    {
        await using var cmd = db.CreateCommand(
            """
            INSERT INTO tool_example_checks (version_id, example_id, tool_id, status, run_id, requested_by, requested_role)
            VALUES (@v, @e, @t, 'pending', @r, @by, @role)
            ON CONFLICT (version_id, example_id) DO UPDATE SET status = 'pending', run_id = excluded.run_id,
                requested_by = excluded.requested_by, requested_role = excluded.requested_role, output_text = NULL,
                error = NULL, queued_at = now(), finished_at = NULL, step_index = 0, last_run_id = NULL
            """);
        cmd.Parameters.AddWithValue("v", versionId);
        cmd.Parameters.AddWithValue("e", exampleId);
        cmd.Parameters.AddWithValue("t", toolId);
        cmd.Parameters.AddWithValue("r", runId);
        cmd.Parameters.AddWithValue("by", actor.UserId);
        cmd.Parameters.AddWithValue("role", (int)actor.Role);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Whether the run is (or was) the result of one of the example's checks: the first run of an example without steps,
    /// the last step's run of one with <paramref name="steps"/> steps. Only those can become its expected result.
    /// </summary>
    public async Task<bool> IsRunOfAsync(Guid exampleId, Guid runId, int steps)
    {
        await using var cmd = db.CreateCommand(
            "SELECT EXISTS (SELECT 1 FROM tool_example_checks WHERE example_id = @e AND COALESCE(last_run_id, run_id) = @r AND step_index = @n)");
        cmd.Parameters.AddWithValue("e", exampleId);
        cmd.Parameters.AddWithValue("r", runId);
        cmd.Parameters.AddWithValue("n", steps);
        return (bool)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// The check takes its listed step <paramref name="index"/> as run <paramref name="runId"/>; written before the step is
    /// asked for, so a grain that restarts in between takes the same step under the same start key. False when the check
    /// is no longer this pending one.
    /// </summary>
    public async Task<bool> StepStartedAsync(PendingCheck check, int index, Guid runId)
    {
        await using var cmd = db.CreateCommand(
            """
            UPDATE tool_example_checks SET step_index = @i, last_run_id = @last
            WHERE version_id = @v AND example_id = @e AND run_id = @r AND status = 'pending'
            """);
        cmd.Parameters.AddWithValue("i", index);
        cmd.Parameters.AddWithValue("last", runId);
        cmd.Parameters.AddWithValue("v", check.VersionId);
        cmd.Parameters.AddWithValue("e", check.ExampleId);
        cmd.Parameters.AddWithValue("r", check.RunId);
        return await cmd.ExecuteNonQueryAsync() == 1;
    }

    /// <summary>The tool's pending checks, oldest first.</summary>
    public async Task<IReadOnlyList<PendingCheck>> PendingAsync(Guid toolId)
    {
        await using var cmd = db.CreateCommand(
            """
            SELECT version_id, example_id, run_id, requested_by, requested_role, step_index, last_run_id FROM tool_example_checks
            WHERE tool_id = @t AND status = 'pending' ORDER BY queued_at, example_id
            """);
        cmd.Parameters.AddWithValue("t", toolId);
        var list = new List<PendingCheck>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            list.Add(new PendingCheck(r.GetGuid(0), r.GetGuid(1), r.GetGuid(2),
                new ActingUser(r.GetGuid(3), (Role)r.GetInt32(4)), r.GetInt32(5), r.IsDBNull(6) ? null : r.GetGuid(6)));
        }
        return list;
    }

    /// <summary>Ends a pending check (only if it is still the same run: a newer queueing may have replaced it).</summary>
    public async Task FinishAsync(PendingCheck check, bool ran, string? output, string? error)
    {
        await using var cmd = db.CreateCommand(
            """
            UPDATE tool_example_checks SET status = @status, output_text = @output, error = @error, finished_at = now()
            WHERE version_id = @v AND example_id = @e AND run_id = @r AND status = 'pending'
            """);
        cmd.Parameters.AddWithValue("status", ran ? "ran" : "failed");
        cmd.Parameters.AddWithValue("output", (object?)output ?? DBNull.Value);
        cmd.Parameters.AddWithValue("error", (object?)error ?? DBNull.Value);
        cmd.Parameters.AddWithValue("v", check.VersionId);
        cmd.Parameters.AddWithValue("e", check.ExampleId);
        cmd.Parameters.AddWithValue("r", check.RunId);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Every live (not superseded) check of a version, with its example's name and expected text.</summary>
    public async Task<IReadOnlyList<CheckRow>> OfVersionAsync(Guid toolId, Guid versionId)
    {
        await using var cmd = db.CreateCommand(
            """
            SELECT c.version_id, c.example_id, e.name, c.status, COALESCE(c.last_run_id, c.run_id), c.output_text, c.error,
                   e.expected_text, c.queued_at, c.finished_at, c.run_id
            FROM tool_example_checks c JOIN tool_examples e ON e.id = c.example_id
            WHERE c.version_id = @v AND c.tool_id = @t AND c.status <> 'superseded' ORDER BY lower(e.name)
            """);
        cmd.Parameters.AddWithValue("v", versionId);
        cmd.Parameters.AddWithValue("t", toolId);
        var list = new List<CheckRow>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            list.Add(new CheckRow(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3), r.GetGuid(4),
                r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6),
                r.IsDBNull(7) ? null : r.GetString(7), r.GetFieldValue<DateTimeOffset>(8),
                r.IsDBNull(9) ? null : r.GetFieldValue<DateTimeOffset>(9), r.GetGuid(10)));
        }
        return list;
    }
}
