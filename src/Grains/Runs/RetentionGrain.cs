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
        // File deletion can take long on a big store: do it off the grain's scheduler to keep this turn short.
        var (artifacts, inputs) = await Task.Run(() => (
            ArtifactStore.RemoveOlderThan(store.Root, now.AddDays(-o.ArtifactRetentionDays)),
            ArtifactStore.RemoveOlderThan(store.InputsRoot, now.AddHours(-o.SandboxInputRetentionHours))));
        if (artifacts.Count > 0)
        {
            await using var c = db.CreateCommand("UPDATE runs SET artifacts_removed_at = @now WHERE id = ANY(@ids)");
            c.Parameters.AddWithValue("now", now);
            c.Parameters.AddWithValue("ids", artifacts.Select(Guid.Parse).ToArray());
            await c.ExecuteNonQueryAsync();
        }
        logger.LogInformation("Retention sweep removed artifacts of {ArtifactRuns} run(s) and sandbox inputs of {InputRuns} run(s)",
            artifacts.Count, inputs.Count);
        await audit.AppendAsync(new AuditEntry(null, "runs.retention_sweep", "runs", null, new Dictionary<string, object?>
        {
            ["artifact_runs"] = artifacts,
            ["sandbox_input_runs"] = inputs,
            ["artifact_retention_days"] = o.ArtifactRetentionDays,
            ["sandbox_input_retention_hours"] = o.SandboxInputRetentionHours,
        }));
        return artifacts.Count + inputs.Count;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => SweepAsync();
}
