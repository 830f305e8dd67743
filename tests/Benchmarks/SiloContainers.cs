using Docker.DotNet;
using Docker.DotNet.Models;
using Skriptoteket.Grains.Execution;

namespace Skriptoteket.Benchmarks;

/// <summary>
/// One silo's containers as the engine lists them (the silo label every runner container carries): its warm pool,
/// their memory, and what is left after a load.
/// </summary>
internal sealed class SiloContainers(string silo) : IDisposable
{
    private readonly IDockerClient docker = new DockerClientConfiguration(new Uri(new ExecutionOptions().DockerEndpoint)).CreateClient();

    public string Silo => silo;

    /// <summary>Waits until the silo's pool holds <paramref name="size"/> containers whose libraries are imported (their log says so).</summary>
    public async Task WaitForPrimedAsync(int size, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        while (await PrimedCountAsync() < size)
        {
            await Task.Delay(size == 1 ? 20 : 100, timeout.Token);
        }
    }

    private async Task<int> PrimedCountAsync()
    {
        var primed = 0;
        foreach (var c in await PoolAsync())
        {
            if (c.State == "running" && (await LogsAsync(c.ID)).Contains(WarmContainer.PrimedMarker, StringComparison.Ordinal))
            {
                primed++;
            }
        }
        return primed;
    }

    /// <summary>The memory of the silo's running containers in MiB (as `docker stats` shows it) and how many it has.</summary>
    public async Task<(double MiB, int Count)> MemoryAsync()
    {
        double bytes = 0;
        var list = await ListAsync();
        foreach (var c in list.Where(c => c.State == "running"))
        {
            bytes += await ReadStatsAsync(c.ID);
        }
        return (bytes / (1024 * 1024), list.Count);
    }

    /// <summary>Every container of the silo, any state.</summary>
    public async Task<IList<ContainerListResponse>> ListAsync() =>
        await docker.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [$"{ContainerLabels.Silo}={silo}"] = true },
            },
        });

    /// <summary>The pool's containers: made before their run, still under the warm name (a run that takes one renames it).</summary>
    public async Task<IList<ContainerListResponse>> PoolAsync() =>
        (await ListAsync()).Where(IsIdleWarm).ToList();

    public static bool IsIdleWarm(ContainerListResponse c) =>
        c.Labels.ContainsKey(ContainerLabels.Pool)
        && c.Names.Any(n => n.TrimStart('/').StartsWith(Skriptoteket.Grains.Execution.ContainerSpec.WarmNamePrefix, StringComparison.Ordinal));

    private async Task<double> ReadStatsAsync(string id)
    {
        double usage = 0;
        try
        {
            // Read in the call, not through Progress<T>: that one reports later on the thread pool, after this
            // method had already returned 0 (why the column read 0 before). cgroup v2 names the page cache
            // "inactive_file" (v1: "total_inactive_file"); what `docker stats` shows is usage minus it.
            await docker.Containers.GetContainerStatsAsync(id, new ContainerStatsParameters { Stream = false, OneShot = true },
                new InCallProgress<ContainerStatsResponse>(s => usage = s.MemoryStats.Usage - Inactive(s.MemoryStats.Stats)));
        }
        catch (DockerContainerNotFoundException)
        {
            // Gone between the list and the stats: its memory is no longer in use.
        }
        return usage;
    }

    private static ulong Inactive(IDictionary<string, ulong>? stats) =>
        stats is null ? 0
        : stats.TryGetValue("inactive_file", out var v2) ? v2
        : stats.TryGetValue("total_inactive_file", out var v1) ? v1
        : 0;

    /// <summary>Calls the handler on the reporting thread, so the value is there when the stats call returns.</summary>
    private sealed class InCallProgress<T>(Action<T> handler) : IProgress<T>
    {
        public void Report(T value) => handler(value);
    }

    private async Task<string> LogsAsync(string id)
    {
        try
        {
            using var stream = await docker.Containers.GetContainerLogsAsync(id, tty: false,
                new ContainerLogsParameters { ShowStderr = true, ShowStdout = false }, CancellationToken.None);
            var (_, stderr) = await stream.ReadOutputToEndAsync(CancellationToken.None);
            return stderr;
        }
        catch (DockerContainerNotFoundException)
        {
            return "";
        }
    }

    public void Dispose() => docker.Dispose();
}
