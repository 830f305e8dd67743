using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Serialization;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Execution;
using Skriptoteket.Grains.Runs;

namespace Skriptoteket.Grains.Tests;

/// <summary>
/// A claim hands its pooled connection back once and never touches it again: Npgsql reuses a connection's reader
/// object for the next command, so touching a returned reader closed another caller's command (an audit write
/// failed with "Exception while reading from stream: Operation canceled" and the run request answered 500).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RunQueueConnectionTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Claims_leave_the_other_commands_on_their_returned_connection_alone()
    {
        // One connection for everyone: whatever a claim returns is the next thing the other loop rents.
        await using var db = NpgsqlDataSource.Create(fixture.Database.ConnectionString + ";Maximum Pool Size=1");
        var serializer = fixture.Cluster.Client.ServiceProvider.GetRequiredService<Serializer<RunnerJob>>();
        var queue = new RunQueue(db, serializer, "connection-test-" + Guid.NewGuid().ToString("N")[..8]);
        const int runs = 25;
        // A large job keeps the claim busy reading it after the connection went back to the pool.
        var input = new RunnerInput("stor.csv", new byte[2 * 1024 * 1024]);
        for (var i = 0; i < runs; i++)
        {
            var job = new RunnerJob(Guid.NewGuid(), "def run_tool(i, o):\n    return 'ok'\n", "script.py", [input], 10);
            Assert.NotNull(await queue.EnqueueAsync(job, RunKind.Sandbox, Guid.NewGuid(), capacity: runs));
        }

        using var stop = new CancellationTokenSource();
        var others = 0;
        var otherLoop = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await using var command = db.CreateCommand("SELECT count(*) FROM run_queue");
                await command.ExecuteScalarAsync();
                others++;
            }
        });
        var claimed = 0;
        // A connection shared by two callers hangs rather than fails: bounded, so the test fails instead.
        var claims = Task.Run(async () =>
        {
            while (await queue.ClaimAsync("silo", "127.0.0.1:1", TimeSpan.FromMinutes(1)) is not null)
            {
                claimed++;
            }
        });
        await claims.WaitAsync(TimeSpan.FromMinutes(1));
        await stop.CancelAsync();
        await otherLoop.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(runs, claimed);
        Assert.True(others > 0, "the other commands never ran beside the claims");
    }
}
