using System.Text;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Runs;
using Skriptoteket.TestSupport;

namespace Skriptoteket.Grains.Tests;

/// <summary>The retention sweep removes expired artifact folders and sandbox inputs, keeps fresh ones, and audits itself.</summary>
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
        var freshArtifacts = Path.Combine(fixture.ArtifactsRoot, started.RunId.ToString("N"));
        var sandboxInputs = Path.Combine(fixture.ArtifactsRoot, "..", "sandbox-inputs", started.RunId.ToString("N"));
        Assert.True(File.Exists(Path.Combine(freshArtifacts, "kopia.txt")));
        Assert.True(File.Exists(Path.Combine(sandboxInputs, "namn.txt")));
        Assert.Equal("Ebba", Encoding.UTF8.GetString((await run.GetArtifactAsync(admin, done.Output.Artifacts[0].Id)).Content));
        var expired = Directory.CreateDirectory(Path.Combine(fixture.ArtifactsRoot, Guid.NewGuid().ToString("N")));
        await File.WriteAllTextAsync(Path.Combine(expired.FullName, "gammal.txt"), "x");
        expired.LastWriteTimeUtc = DateTime.UtcNow.AddDays(-8);
        Directory.SetLastWriteTimeUtc(sandboxInputs, DateTime.UtcNow.AddDays(-2));
        var stray = Directory.CreateDirectory(Path.Combine(fixture.ArtifactsRoot, "inte-en-korning"));
        stray.LastWriteTimeUtc = DateTime.UtcNow.AddDays(-30);

        await fixture.Grains.GetGrain<IRetentionGrain>(IRetentionGrain.Key).SweepAsync();

        Assert.False(Directory.Exists(expired.FullName));
        Assert.False(Directory.Exists(sandboxInputs));
        Assert.True(Directory.Exists(freshArtifacts));
        Assert.True(Directory.Exists(stray.FullName));
        var details = await fixture.Database.ScalarAsync<string>(
            "SELECT details::text FROM audit_log WHERE action = 'runs.retention_sweep' ORDER BY id DESC LIMIT 1");
        Assert.Contains(expired.Name, details);
        Assert.Contains(started.RunId.ToString("N"), details);
        stray.Delete();
    }
}
