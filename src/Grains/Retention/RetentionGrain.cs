using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Skriptoteket.Grains.Audit;
using Skriptoteket.Grains.Execution;
using Skriptoteket.Grains.Runs;

namespace Skriptoteket.Grains.Retention;

internal sealed class RetentionGrain(
    ArtifactStore store,
    NpgsqlDataSource db,
    IAuditLog audit,
    IOptions<ExecutionOptions> options,
    Sessions.ToolSessionStore sessions,
    IOptions<Abstractions.Sessions.SessionLimits> sessionLimits,
    TimeProvider time,
    [FromKeyedServices(Sessions.SessionClock.Key)] TimeProvider sessionTime,
    ILogger<RetentionGrain> logger) : Grain, IRetentionGrain, IRemindable
{
    private const string ReminderName = "sweep";

    public async Task EnsureScheduledAsync() =>
        await this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));

    public async Task<int> SweepAsync()
    {
        var now = time.GetUtcNow();
        var o = options.Value;
        // Files live in PostgreSQL (docs/adr/0011-artifact-storage.md): retention is a DELETE by kind and age,
        // the same for every node of the cluster.
        var artifacts = await store.RemoveOlderThanAsync(ArtifactStore.ArtifactKind, now.AddDays(-o.ArtifactRetentionDays));
        var inputs = await store.RemoveOlderThanAsync(ArtifactStore.SandboxInputKind, now.AddHours(-o.SandboxInputRetentionHours));
        if (artifacts.Count > 0)
        {
            await using var c = db.CreateCommand("UPDATE runs SET artifacts_removed_at = @now WHERE id = ANY(@ids)");
            c.Parameters.AddWithValue("now", now);
            c.Parameters.AddWithValue("ids", artifacts.ToArray());
            await c.ExecuteNonQueryAsync();
        }
        logger.LogInformation("Retention sweep removed artifacts of {ArtifactRuns} run(s) and sandbox inputs of {InputRuns} run(s)",
            artifacts.Count, inputs.Count);
        // Sessions after the runs' bookkeeping, so a session that cannot end never leaves removed artifacts unrecorded.
        var (endedSessions, sessionFiles, orphanRuns) = await ExpireSessionsAsync(sessionTime.GetUtcNow(), now);
        // Counts of files only: their names can name pupils or classes.
        logger.LogInformation("Retention sweep ended {SessionCount} expired tool session(s) {Sessions} and removed {FileCount} of their session file(s) and the left-over session files of {OrphanRuns} run(s)",
            endedSessions.Count, endedSessions, sessionFiles, orphanRuns.Count);
        await audit.AppendAsync(new AuditEntry(null, "runs.retention_sweep", "runs", null, new Dictionary<string, object?>
        {
            // Run ids as before (32 hex digits), so earlier audit rows and new ones read alike.
            ["artifact_runs"] = artifacts.Select(id => id.ToString("N")).ToList(),
            ["sandbox_input_runs"] = inputs.Select(id => id.ToString("N")).ToList(),
            ["artifact_retention_days"] = o.ArtifactRetentionDays,
            ["sandbox_input_retention_hours"] = o.SandboxInputRetentionHours,
            ["expired_sessions"] = endedSessions,
            ["session_files"] = sessionFiles,
            ["orphan_session_file_runs"] = orphanRuns.Select(id => id.ToString("N")).ToList(),
            ["session_retention_hours"] = sessionLimits.Value.Retention.TotalHours,
        }));
        return artifacts.Count + inputs.Count + endedSessions.Count;
    }

    /// <summary>
    /// Tool sessions idle past Sessions:Retention end through their own grain (the single writer, which deletes their
    /// files); session files no open session lists (a session that could not delete its own) go after the same time.
    /// </summary>
    private async Task<(List<string> Sessions, int Files, IReadOnlyList<Guid> OrphanRuns)> ExpireSessionsAsync(DateTimeOffset sessionNow, DateTimeOffset now)
    {
        var ended = new List<string>();
        var files = 0;
        foreach (var key in await sessions.ExpiredAsync(sessionNow))
        {
            try
            {
                if (await GrainFactory.GetGrain<Sessions.IToolSessionExpiry>(key).ExpireAsync() is { } removed)
                {
                    ended.Add(key);
                    files += removed.Count;
                }
            }
            catch (Exception e)
            {
                // One session that cannot end now waits for the next sweep; the others still end.
                logger.LogError(e, "Retention sweep could not end tool session {SessionKey}", key);
            }
        }
        var orphans = await store.RemoveOrphanSessionFilesAsync(now - sessionLimits.Value.Retention);
        return (ended, files, orphans);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => SweepAsync();
}
