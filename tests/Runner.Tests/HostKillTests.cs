using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.TestSupport;

namespace Skriptoteket.Runner.Tests;

/// <summary>
/// The host process dies (SIGKILL) while a run's container is running; started again on the same database
/// under the same silo name, it removes the orphaned container and records the run as interrupted, and runs
/// that were waiting in the queue run (docs/adr/0009-cluster-run-queue.md).
/// </summary>
[Collection(RunnerCollection.Name)]
public sealed class HostKillTests(RunnerFixture fixture)
{
    /// <summary>A sandbox run needs the file its (undeclared, run contract v1) version asks for, like a production run.</summary>
    private static readonly RunInputFile AFile = new("namn.txt", "Ada"u8.ToArray());

    private const string Endless = """
        import time
        def run_tool(input_path, output_dir):
            time.sleep(120)
            return "aldrig"
        """;

    [Fact]
    public async Task Run_killed_with_its_host_is_finalized_and_its_container_removed_on_restart()
    {
        await using var db = await TestDatabase.CreateAsync("runkill");
        var admin = new ActingUser(Guid.NewGuid(), Role.Admin);
        var (_, version, _) = await ToolRows.InsertAsync(db, Endless, admin.UserId, published: false);
        var settings = new Dictionary<string, string>
        {
            ["Orleans__SiloName"] = "kill-test-" + Guid.NewGuid().ToString("N")[..8],
            ["Orleans__ClusterId"] = "kill-" + Guid.NewGuid().ToString("N")[..8],
            ["Orleans__Dashboard"] = "false",
        };
        var runId = Guid.NewGuid();

        await using (var first = await HostProcess.StartAsync(db.ConnectionString, settings))
        {
            using var client = await ConnectAsync(db.ConnectionString, settings["Orleans__ClusterId"]);
            var grains = client.Services.GetRequiredService<IClusterClient>();
            await grains.GetGrain<IRunGrain>(runId).StartAsync(RunRequest.Sandbox(version, admin, [AFile]));
            await WaitUntilAsync(async () => (await fixture.ContainersOfRunAsync(runId)).Any(c => c.State == "running"), first);
            await first.KillAsync();
            await client.StopAsync();
        }
        Assert.NotEmpty(await fixture.ContainersOfRunAsync(runId));
        Assert.Equal("running", await db.ScalarAsync<string>($"SELECT status FROM runs WHERE id = '{runId}'"));

        settings["Orleans__ClusterId"] = "kill-" + Guid.NewGuid().ToString("N")[..8];
        await using var second = await HostProcess.StartAsync(db.ConnectionString, settings);
        await WaitUntilAsync(async () =>
            await db.ScalarAsync<string>($"SELECT status FROM runs WHERE id = '{runId}'") == "interrupted", second);

        Assert.Empty(await fixture.ContainersOfRunAsync(runId));
        Assert.Equal("healthy", (await second.GetHealthAsync()).GetProperty("status").GetString(), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Runs_waiting_when_the_host_dies_run_after_its_restart()
    {
        await using var db = await TestDatabase.CreateAsync("runwait");
        var admin = new ActingUser(Guid.NewGuid(), Role.Admin);
        var (_, endless, _) = await ToolRows.InsertAsync(db, Endless, admin.UserId, published: false);
        var (_, quick, _) = await ToolRows.InsertAsync(db, "def run_tool(input_path, output_dir):\n    return 'efter omstart'\n",
            admin.UserId, published: false);
        // The same silo endpoint across the restart, as a real all-in-one host has: the new silo supersedes the
        // dead one at once, in the same cluster, and finds the queue where its predecessor left it.
        var settings = new Dictionary<string, string>
        {
            ["Orleans__SiloName"] = "wait-test-" + Guid.NewGuid().ToString("N")[..8],
            ["Orleans__ClusterId"] = "wait-" + Guid.NewGuid().ToString("N")[..8],
            ["Orleans__SiloPort"] = FreePorts.Next().ToString(),
            ["Orleans__GatewayPort"] = FreePorts.Next().ToString(),
            ["Orleans__Dashboard"] = "false",
            ["Execution__MaxConcurrentRuns"] = "1",
        };
        var running = Guid.NewGuid();
        var waiting = Guid.NewGuid();

        await using (var first = await HostProcess.StartAsync(db.ConnectionString, settings))
        {
            using var client = await ConnectAsync(db.ConnectionString, settings["Orleans__ClusterId"]);
            var grains = client.Services.GetRequiredService<IClusterClient>();
            await grains.GetGrain<IRunGrain>(running).StartAsync(RunRequest.Sandbox(endless, admin, [AFile]));
            await WaitUntilAsync(async () => (await fixture.ContainersOfRunAsync(running)).Any(c => c.State == "running"));
            await grains.GetGrain<IRunGrain>(waiting).StartAsync(RunRequest.Sandbox(quick, admin, [AFile]));
            await first.KillAsync();
            await client.StopAsync();
        }
        Assert.Equal("queued", await db.ScalarAsync<string>($"SELECT status FROM runs WHERE id = '{waiting}'"));

        await using var second = await HostProcess.StartAsync(db.ConnectionString, settings);
        await WaitUntilAsync(async () =>
            await db.ScalarAsync<string>($"SELECT status FROM runs WHERE id = '{waiting}'") == "succeeded");

        Assert.Equal("interrupted", await db.ScalarAsync<string>($"SELECT status FROM runs WHERE id = '{running}'"));
        Assert.Equal("efter omstart", await db.ScalarAsync<string>($"SELECT html FROM runs WHERE id = '{waiting}'"));
        Assert.Empty(await fixture.ContainersOfRunAsync(running));
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT count(*) FROM run_queue"));
    }

    private static async Task<IHost> ConnectAsync(string connectionString, string clusterId)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(c =>
        {
            c.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = "skriptoteket";
            });
            c.UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = connectionString;
            });
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>
    /// Re-checks a condition the system reaches on its own (no fixed sleeps), up to 120 s (a host that just started
    /// fills its warm pool at the same time, which on 2 busy cores can take a while); on timeout the failure
    /// carries the end of the host's log.
    /// </summary>
    private static Task WaitUntilAsync(Func<Task<bool>> condition, HostProcess? host = null,
        [CallerArgumentExpression(nameof(condition))] string what = "") =>
        Eventually.GetAsync(condition, done => done, TimeSpan.FromSeconds(120), what,
            describe: _ => "not yet. Host log (end):\n" + (host?.Output ?? "")[Math.Max(0, (host?.Output.Length ?? 0) - 4000)..]);
}
