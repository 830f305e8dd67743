using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.TestSupport;

namespace Skriptoteket.Runner.Tests;

/// <summary>
/// The host process dies (SIGKILL) while a run's container is running; started again on the same database
/// under the same silo name, it removes the orphaned container and records the run as interrupted.
/// </summary>
[Collection(RunnerCollection.Name)]
public sealed class HostKillTests(RunnerFixture fixture)
{
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
            await grains.GetGrain<IRunGrain>(runId).StartAsync(RunRequest.Sandbox(version, admin, []));
            await WaitUntilAsync(async () => (await fixture.ContainersOfRunAsync(runId)).Any(c => c.State == "running"));
            await first.KillAsync();
            await client.StopAsync();
        }
        Assert.NotEmpty(await fixture.ContainersOfRunAsync(runId));
        Assert.Equal("running", await db.ScalarAsync<string>($"SELECT status FROM runs WHERE id = '{runId}'"));

        settings["Orleans__ClusterId"] = "kill-" + Guid.NewGuid().ToString("N")[..8];
        await using var second = await HostProcess.StartAsync(db.ConnectionString, settings);
        await WaitUntilAsync(async () =>
            await db.ScalarAsync<string>($"SELECT status FROM runs WHERE id = '{runId}'") == "interrupted");

        Assert.Empty(await fixture.ContainersOfRunAsync(runId));
        Assert.Equal("healthy", (await second.GetHealthAsync()).GetProperty("status").GetString(), StringComparer.OrdinalIgnoreCase);
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

    /// <summary>Re-checks a condition the system reaches on its own (no fixed sleeps), up to 60 s.</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            await Task.Delay(100, timeout.Token);
        }
    }
}
