using System.Text;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Retention;
using Skriptoteket.Grains.Runs;
using Skriptoteket.TestSupport;

namespace Skriptoteket.Grains.Tests;

/// <summary>
/// Artifacts and sandbox inputs are rows in PostgreSQL (docs/adr/0011-artifact-storage.md); the retention sweep
/// deletes expired ones, keeps fresh ones, marks the runs and audits itself.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RunRetentionTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Sweep_removes_expired_artifacts_and_sandbox_inputs_and_writes_an_audit_row()
    {
        var admin = new ActingUser(Guid.NewGuid(), Role.Admin);
        var (_, version, _) = await ToolRows.InsertAsync(fixture.Database, RunGrainTests.Greeting, admin.UserId, published: false);
        var run = fixture.Grains.GetGrain<IRunGrain>(Guid.NewGuid());
        var started = await run.StartAsync(RunRequest.Sandbox(version, admin, [new RunInputFile("namn.txt", Encoding.UTF8.GetBytes("Ebba"))]));
        var done = await (await RunGrainTests.WatchAsync(fixture, run, admin)).FinishedAsync();
        Assert.Equal(1L, await CountAsync(started.RunId, "artifact"));
        Assert.Equal(1L, await CountAsync(started.RunId, "sandbox_input"));
        Assert.Equal("Ebba", Encoding.UTF8.GetString((await run.GetArtifactAsync(admin, done.Output.Artifacts[0].Id)).Content));
        var expiredRun = Guid.NewGuid();
        await fixture.Database.ScalarAsync<int>($"""
            INSERT INTO run_files (run_id, kind, name, size_bytes, content, created_at)
            VALUES ('{expiredRun}', 'artifact', 'gammal.txt', 1, 'x'::bytea, now() - interval '8 days');
            UPDATE run_files SET created_at = now() - interval '2 days' WHERE run_id = '{started.RunId}' AND kind = 'sandbox_input';
            SELECT 0
            """);

        await fixture.Grains.GetGrain<IRetentionGrain>(IRetentionGrain.Key).SweepAsync();

        Assert.Equal(0L, await CountAsync(expiredRun, "artifact"));
        Assert.Equal(0L, await CountAsync(started.RunId, "sandbox_input"));
        Assert.Equal(1L, await CountAsync(started.RunId, "artifact"));
        Assert.Equal("Ebba", Encoding.UTF8.GetString((await run.GetArtifactAsync(admin, done.Output.Artifacts[0].Id)).Content));
        // The sweep that removed them (the scheduled sweep may have been the one, or may have written a later,
        // empty row: the newest row is not necessarily this sweep's).
        var sweeps = await fixture.Database.ScalarAsync<long>($"""
            SELECT count(*) FROM audit_log WHERE action = 'runs.retention_sweep'
            AND details::text LIKE '%{expiredRun:N}%' AND details::text LIKE '%{started.RunId:N}%'
            """);
        Assert.Equal(1L, sweeps);
    }

    [Fact]
    public async Task An_expired_artifact_answers_not_found_and_its_run_is_marked()
    {
        var admin = new ActingUser(Guid.NewGuid(), Role.Admin);
        var (_, version, _) = await ToolRows.InsertAsync(fixture.Database, RunGrainTests.Greeting, admin.UserId, published: false);
        var run = fixture.Grains.GetGrain<IRunGrain>(Guid.NewGuid());
        var started = await run.StartAsync(RunRequest.Sandbox(version, admin, [new RunInputFile("namn.txt", Encoding.UTF8.GetBytes("Ebba"))]));
        var done = await (await RunGrainTests.WatchAsync(fixture, run, admin)).FinishedAsync();
        await fixture.Database.ScalarAsync<int>(
            $"UPDATE run_files SET created_at = now() - interval '8 days' WHERE run_id = '{started.RunId}'; SELECT 0");

        await fixture.Grains.GetGrain<IRetentionGrain>(IRetentionGrain.Key).SweepAsync();

        var gone = await Assert.ThrowsAsync<Abstractions.Errors.DomainException>(() => run.GetArtifactAsync(admin, done.Output.Artifacts[0].Id));
        Assert.Equal(Abstractions.Errors.ErrorCode.NotFound, gone.Code);
        Assert.True(await fixture.Database.ScalarAsync<bool>(
            $"SELECT artifacts_removed_at IS NOT NULL FROM runs WHERE id = '{started.RunId}'"));
    }

    private Task<long> CountAsync(Guid runId, string kind) =>
        fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM run_files WHERE run_id = '{runId}' AND kind = '{kind}'");
}
