using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Skriptoteket.Grains.Execution;

/// <summary>
/// On runner silos, every <see cref="Interval"/>: removes this silo's runner containers whose run is already
/// final. A run's own code removes its container when it ends, but not when the Docker engine was away at that
/// moment (a dockerd restart mid-run): without this sweep those containers stayed until the silo restarted.
/// Containers of runs still queued or running, and containers serving no run (waiting pool containers), are never touched.
/// </summary>
internal sealed class LeftoverContainerSweeper(
    DockerClientProvider docker,
    NpgsqlDataSource db,
    ILocalSiloDetails silo,
    IOptions<ExecutionOptions> options,
    ILogger<LeftoverContainerSweeper> logger) : BackgroundService
{
    internal static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    private bool failing;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var removed = await SweepAsync(stoppingToken);
                if (removed > 0)
                {
                    logger.LogInformation("Removed {Containers} leftover container(s) of finished runs on {Silo}", removed, silo.Name);
                }
                failing = false;
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TimeoutException or DockerApiException or NpgsqlException)
            {
                // The engine or the database is away; health and readiness say so. Log once per outage, retry next tick.
                if (!failing)
                {
                    logger.LogWarning(e, "Leftover container sweep on {Silo} failed; retrying every {Seconds} s", silo.Name, Interval.TotalSeconds);
                }
                failing = true;
            }
        }
    }

    internal async Task<int> SweepAsync(CancellationToken cancel)
    {
        var containers = await docker.Client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [$"{ContainerLabels.Silo}={silo.Name}"] = true },
            },
        }, cancel);
        // A warm pool container a run took has no run-id label: its name says the run (ContainerSpec.RunIdOf).
        var byRun = containers
            .Where(c => ContainerSpec.RunIdOf(c.Labels, c.Names) is not null)
            .ToLookup(c => ContainerSpec.RunIdOf(c.Labels, c.Names)!.Value);
        if (byRun.Count == 0)
        {
            return 0;
        }
        await using var query = db.CreateCommand(
            "SELECT id FROM runs WHERE id = ANY(@ids) AND status IN ('succeeded', 'failed', 'timed_out', 'canceled', 'interrupted')");
        query.Parameters.AddWithValue("ids", byRun.Select(g => g.Key).ToArray());
        var finished = new List<Guid>();
        await using (var reader = await query.ExecuteReaderAsync(cancel))
        {
            while (await reader.ReadAsync(cancel))
            {
                finished.Add(reader.GetGuid(0));
            }
        }
        var removed = 0;
        foreach (var container in finished.SelectMany(id => byRun[id]))
        {
            try
            {
                await docker.Client.Containers.RemoveContainerAsync(container.ID,
                    new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, cancel);
                removed++;
            }
            catch (DockerContainerNotFoundException)
            {
                // Its run's own clean-up removed it in the meantime.
            }
        }
        return removed;
    }
}
