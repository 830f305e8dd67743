using Npgsql;
using NpgsqlTypes;
using Orleans.Serialization;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Execution;

namespace Skriptoteket.Grains.Runs;

/// <summary>
/// The cluster's one run queue, table run_queue (docs/adr/0009-cluster-run-queue.md): enqueue with a capacity
/// check, claim the oldest waiting run, renew the claims' leases, find claims whose claimer is gone.
/// </summary>
internal sealed class RunQueue(NpgsqlDataSource db, Serializer<RunnerJob> serializer, string clusterId)
{
    /// <summary>The channel runner silos LISTEN on: a payload "run" means new work, "cancel:&lt;id&gt;" a cancel request.</summary>
    public const string Channel = "skriptoteket_run_queue";

    internal const string BusyMessage = "Det är många körningar just nu. Försök igen om en liten stund.";

    public string ClusterId => clusterId;

    internal static DomainException Busy() => new(Abstractions.Errors.ErrorCode.Busy, BusyMessage, "Run.Busy");

    /// <summary>
    /// Adds the run at the end of the queue and wakes the runner silos; returns its 1-based position, or
    /// null when <paramref name="capacity"/> runs already wait (the caller answers busy).
    /// </summary>
    internal async Task<int?> EnqueueAsync(RunnerJob job, RunKind kind, Guid toolId, int capacity)
    {
        // One round trip: a batch runs in one implicit transaction, so the advisory lock (one enqueue at a time
        // per cluster: the capacity count cannot be overtaken by a concurrent insert) holds until the insert
        // commits, and the notification is delivered at commit, when a woken silo will find the row. Accepted
        // while fewer than capacity runs would wait beyond the slots of the runners alive lately: a free slot
        // anywhere in the cluster always takes a run, however full the waiting line looks this instant.
        await using var batch = db.CreateBatch();
        var lockCommand = new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock(hashtext($1))");
        lockCommand.Parameters.Add(new NpgsqlParameter { Value = "run_queue:" + clusterId });
        var insert = new NpgsqlBatchCommand("""
            WITH queued AS (SELECT count(*) AS n, count(*) FILTER (WHERE claimed_by IS NULL) AS waiting
                            FROM run_queue WHERE cluster_id = $2),
            slots AS (SELECT coalesce(sum(slots), 0) AS n FROM run_queue_runners
                      WHERE cluster_id = $2 AND seen_at > now() - interval '30 seconds'),
            added AS (
                INSERT INTO run_queue (run_id, cluster_id, kind, tool_id, job)
                SELECT $1, $2, $3, $4, $5 FROM queued, slots WHERE queued.n < slots.n + $6
                RETURNING run_id)
            SELECT (SELECT waiting FROM queued) + 1, pg_notify($7, 'run') FROM added
            """);
        insert.Parameters.Add(new NpgsqlParameter { Value = job.RunId });
        insert.Parameters.Add(new NpgsqlParameter { Value = clusterId });
        insert.Parameters.Add(new NpgsqlParameter { Value = RunText.Kind(kind) });
        insert.Parameters.Add(new NpgsqlParameter { Value = toolId });
        insert.Parameters.Add(new NpgsqlParameter { Value = serializer.SerializeToArray(job), NpgsqlDbType = NpgsqlDbType.Bytea });
        insert.Parameters.Add(new NpgsqlParameter { Value = (long)capacity });
        insert.Parameters.Add(new NpgsqlParameter { Value = Channel });
        batch.BatchCommands.Add(lockCommand);
        batch.BatchCommands.Add(insert);
        await using var r = await batch.ExecuteReaderAsync();
        await r.NextResultAsync();
        return await r.ReadAsync() ? (int)r.GetInt64(0) : null;
    }

    /// <summary>Says this runner silo is alive with <paramref name="slots"/> slots (every few seconds).</summary>
    internal async Task RegisterRunnerAsync(string siloAddress, int slots)
    {
        await using var c = db.CreateCommand("""
            INSERT INTO run_queue_runners (cluster_id, address, slots) VALUES (@cluster, @address, @slots)
            ON CONFLICT (cluster_id, address) DO UPDATE SET slots = excluded.slots, seen_at = now()
            """);
        c.Parameters.AddWithValue("cluster", clusterId);
        c.Parameters.AddWithValue("address", siloAddress);
        c.Parameters.AddWithValue("slots", slots);
        await c.ExecuteNonQueryAsync();
    }

    /// <summary>This runner silo leaves: its slots no longer count for the cluster's capacity.</summary>
    internal async Task UnregisterRunnerAsync(string siloAddress)
    {
        await using var c = db.CreateCommand("DELETE FROM run_queue_runners WHERE cluster_id = @cluster AND address = @address");
        c.Parameters.AddWithValue("cluster", clusterId);
        c.Parameters.AddWithValue("address", siloAddress);
        await c.ExecuteNonQueryAsync();
    }

    /// <summary>Takes the oldest waiting run of the cluster for <paramref name="silo"/>; null when none waits.</summary>
    internal async Task<ClaimedRun?> ClaimAsync(string silo, string siloAddress, TimeSpan lease)
    {
        await using var c = db.CreateCommand("""
            UPDATE run_queue SET claimed_by = @silo, claimer_address = @address, claimed_at = now(),
                lease_until = now() + @lease
            WHERE run_id = (SELECT run_id FROM run_queue WHERE cluster_id = @cluster AND claimed_by IS NULL
                            ORDER BY seq FOR UPDATE SKIP LOCKED LIMIT 1)
            RETURNING run_id, kind, tool_id, job, enqueued_at, seq
            """);
        c.Parameters.AddWithValue("silo", silo);
        c.Parameters.AddWithValue("address", siloAddress);
        c.Parameters.AddWithValue("lease", lease);
        c.Parameters.AddWithValue("cluster", clusterId);
        Guid runId, toolId;
        RunKind kind;
        DateTimeOffset enqueuedAt;
        long seq;
        byte[] bytes;
        // The reader is disposed exactly once, before the connection is needed again below: Npgsql reuses a
        // connection's reader object for its next command, so a second dispose (an explicit one plus the end of an
        // `await using`) closed whichever command another caller was running on that pooled connection meanwhile
        // (seen as "Exception while reading from stream: Operation canceled" in unrelated writes).
        await using (var r = await c.ExecuteReaderAsync())
        {
            if (!await r.ReadAsync())
            {
                return null;
            }
            (runId, kind, toolId, enqueuedAt, seq) =
                (r.GetGuid(0), RunText.ParseKind(r.GetString(1)), r.GetGuid(2), r.GetFieldValue<DateTimeOffset>(4), r.GetInt64(5));
            bytes = r.GetFieldValue<byte[]>(3);
        }
        Exception? unreadable = null;
        RunnerJob? job = null;
        try
        {
            job = serializer.Deserialize(bytes);
        }
        catch (Exception e)
        {
            unreadable = e;
        }
        if (job is null)
        {
            // A job this silo cannot read (e.g. written by a newer version) must not block the queue: its row goes
            // and the caller ends the run failed.
            await RemoveAsync(runId);
            throw new UnreadableJobException(runId, unreadable);
        }
        return new ClaimedRun(job, kind, toolId, enqueuedAt, seq);
    }

    /// <summary>Extends the leases of this silo's claims; returns the runs someone asked to cancel meanwhile.</summary>
    internal async Task<IReadOnlyList<Guid>> RenewAsync(string siloAddress, IReadOnlyCollection<Guid> runIds, TimeSpan lease)
    {
        if (runIds.Count == 0)
        {
            return [];
        }
        await using var c = db.CreateCommand("""
            UPDATE run_queue SET lease_until = now() + @lease
            WHERE claimer_address = @address AND run_id = ANY(@runs)
            RETURNING run_id, cancel_requested
            """);
        c.Parameters.AddWithValue("lease", lease);
        c.Parameters.AddWithValue("address", siloAddress);
        c.Parameters.AddWithValue("runs", runIds.ToArray());
        var canceled = new List<Guid>();
        await using var r = await c.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            if (r.GetBoolean(1))
            {
                canceled.Add(r.GetGuid(0));
            }
        }
        return canceled;
    }

    /// <summary>The run has ended and its grain knows: its queue row goes.</summary>
    internal async Task RemoveAsync(Guid runId)
    {
        await using var c = db.CreateCommand("DELETE FROM run_queue WHERE run_id = @run");
        c.Parameters.AddWithValue("run", runId);
        await c.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Cancels a run: a waiting run leaves the queue at once (true); a claimed one is marked and its claimer is
    /// told (false: the claimer stops the container and removes the row).
    /// </summary>
    internal async Task<bool> CancelAsync(Guid runId)
    {
        await using var c = db.CreateCommand("DELETE FROM run_queue WHERE run_id = @run AND claimed_by IS NULL");
        c.Parameters.AddWithValue("run", runId);
        if (await c.ExecuteNonQueryAsync() == 1)
        {
            return true;
        }
        await using var connection = await db.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await using var mark = new NpgsqlCommand("UPDATE run_queue SET cancel_requested = true WHERE run_id = @run", connection, tx);
        mark.Parameters.AddWithValue("run", runId);
        await mark.ExecuteNonQueryAsync();
        await NotifyAsync(connection, tx, "cancel:" + runId);
        await tx.CommitAsync();
        return false;
    }

    /// <summary>True while the queue holds the run (waiting, or claimed by a silo that is answerable for it).</summary>
    internal async Task<bool> HoldsAsync(Guid runId)
    {
        await using var c = db.CreateCommand("SELECT 1 FROM run_queue WHERE run_id = @run");
        c.Parameters.AddWithValue("run", runId);
        return await c.ExecuteScalarAsync() is not null;
    }

    /// <summary>Claims of this cluster whose lease has run out: (run, claimer address).</summary>
    internal async Task<IReadOnlyList<(Guid RunId, string Address)>> ExpiredClaimsAsync()
    {
        await using var c = db.CreateCommand("""
            SELECT run_id, claimer_address FROM run_queue
            WHERE cluster_id = @cluster AND claimed_by IS NOT NULL AND lease_until < now()
            """);
        c.Parameters.AddWithValue("cluster", clusterId);
        var list = new List<(Guid, string)>();
        await using var r = await c.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            list.Add((r.GetGuid(0), r.GetString(1)));
        }
        return list;
    }

    /// <summary>Claims a silo of this name held in an earlier life (another address): its runs cannot go on.</summary>
    internal async Task<IReadOnlyList<Guid>> EarlierClaimsAsync(string silo, string currentAddress)
    {
        await using var c = db.CreateCommand("""
            SELECT run_id FROM run_queue
            WHERE cluster_id = @cluster AND claimed_by = @silo AND claimer_address <> @address
            """);
        c.Parameters.AddWithValue("cluster", clusterId);
        c.Parameters.AddWithValue("silo", silo);
        c.Parameters.AddWithValue("address", currentAddress);
        var list = new List<Guid>();
        await using var r = await c.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            list.Add(r.GetGuid(0));
        }
        return list;
    }

    /// <summary>Every waiting run with its 1-based place in the cluster's order.</summary>
    internal async Task<IReadOnlyList<(Guid RunId, int Position)>> PositionsAsync()
    {
        await using var c = db.CreateCommand("""
            SELECT run_id, row_number() OVER (ORDER BY seq) FROM run_queue
            WHERE cluster_id = @cluster AND claimed_by IS NULL ORDER BY seq
            """);
        c.Parameters.AddWithValue("cluster", clusterId);
        var list = new List<(Guid, int)>();
        await using var r = await c.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            list.Add((r.GetGuid(0), (int)r.GetInt64(1)));
        }
        return list;
    }

    private static async Task NotifyAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string payload)
    {
        // Delivered at commit, so a woken silo always finds the row.
        await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection, tx);
        notify.Parameters.AddWithValue("channel", Channel);
        notify.Parameters.AddWithValue("payload", payload);
        await notify.ExecuteNonQueryAsync();
    }
}

/// <summary>A run this silo took from the queue; <see cref="Seq"/> is its place in the cluster's order.</summary>
internal sealed record ClaimedRun(RunnerJob Job, RunKind Kind, Guid ToolId, DateTimeOffset EnqueuedAt, long Seq);

/// <summary>A claimed run whose job this silo cannot read; its queue row is already gone.</summary>
internal sealed class UnreadableJobException(Guid runId, Exception? inner)
    : Exception($"Run {runId}: its queued job cannot be read by this silo.", inner)
{
    public Guid RunId { get; } = runId;
}
