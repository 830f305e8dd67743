using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Skriptoteket.Grains.Audit;
using Skriptoteket.Grains.Execution;

namespace Skriptoteket.Grains.Runs;

internal sealed class RetentionGrain(
    ArtifactStore store,
    NpgsqlDataSource db,
    IAuditLog audit,
    IOptions<ExecutionOptions> options,
    TimeProvider time,
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
        await audit.AppendAsync(new AuditEntry(null, "runs.retention_sweep", "runs", null, new Dictionary<string, object?>
        {
            // Run ids as before (32 hex digits), so earlier audit rows and new ones read alike.
            ["artifact_runs"] = artifacts.Select(id => id.ToString("N")).ToList(),
            ["sandbox_input_runs"] = inputs.Select(id => id.ToString("N")).ToList(),
            ["artifact_retention_days"] = o.ArtifactRetentionDays,
            ["sandbox_input_retention_hours"] = o.SandboxInputRetentionHours,
        }));
        return artifacts.Count + inputs.Count;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => SweepAsync();
}
