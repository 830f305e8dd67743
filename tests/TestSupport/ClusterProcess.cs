using System.Globalization;
using System.Text.RegularExpressions;

namespace Skriptoteket.TestSupport;

/// <summary>What a cluster node does (docs/adr/0010-cluster-roles.md): its two role settings.</summary>
public enum NodeRole
{
    /// <summary>Execution:Enabled=true, Web:Enabled=false: starts containers.</summary>
    Runner,

    /// <summary>Execution:Enabled=false, Web:Enabled=false: hosts grains, no Docker, no pages.</summary>
    Silo,

    /// <summary>Execution:Enabled=false, Web:Enabled=true: pages, API and dashboard on a co-hosted silo.</summary>
    Web,
}

/// <summary>
/// One process of a <see cref="ClusterProcess"/>: its short name ("runner-1"), its silo name (unique on this
/// machine: containers on a shared engine are labelled with it), role and metrics port.
/// </summary>
public sealed record ClusterNode(string Name, string SiloName, NodeRole Role, HostProcess Host, int MetricsPort);

/// <summary>
/// A multi-process cluster on loopback, as scripts/cluster.sh starts one: every node is the published host
/// (scripts/host.sh through <see cref="HostProcess"/>) with its role settings, one cluster id and one database.
/// </summary>
public sealed class ClusterProcess(string connectionString, IDictionary<string, string> settings) : IAsyncDisposable
{
    private readonly List<ClusterNode> nodes = [];
    private readonly string clusterId = "cluster-" + Guid.NewGuid().ToString("N")[..8];

    public IReadOnlyList<ClusterNode> Nodes => nodes;

    public ClusterNode Web => nodes.First(n => n.Role == NodeRole.Web && !n.Host.ExitCode.HasValue);

    public IEnumerable<ClusterNode> Runners => nodes.Where(n => n.Role == NodeRole.Runner);

    /// <summary>Starts the named nodes at once (the first to migrate holds the others back with its lock).</summary>
    public Task StartAsync(params (string Name, NodeRole Role)[] wanted) =>
        Task.WhenAll(wanted.Select(w => StartNodeAsync(w.Name, w.Role)));

    public async Task<ClusterNode> StartNodeAsync(string name, NodeRole role)
    {
        var metricsPort = FreePorts.Next();
        var all = new Dictionary<string, string>(settings)
        {
            ["Orleans__ClusterId"] = clusterId,
            ["Orleans__SiloName"] = $"{clusterId}-{name}",
            ["Execution__Enabled"] = (role == NodeRole.Runner).ToString().ToLowerInvariant(),
            ["Web__Enabled"] = (role == NodeRole.Web).ToString().ToLowerInvariant(),
            ["Telemetry__MetricsPort"] = metricsPort.ToString(CultureInfo.InvariantCulture),
        };
        var node = new ClusterNode(name, $"{clusterId}-{name}", role, await HostProcess.StartAsync(connectionString, all), metricsPort);
        lock (nodes)
        {
            nodes.RemoveAll(n => n.Name == name);
            nodes.Add(node);
        }
        return node;
    }

    public ClusterNode Node(string name) => nodes.Single(n => n.Name == name);

    /// <summary>The sum of one metric's samples (every label set) over every live node's /metrics.</summary>
    public async Task<double> MetricAsync(string metric)
    {
        double sum = 0;
        foreach (var node in nodes.Where(n => !n.Host.ExitCode.HasValue))
        {
            sum += SumOf(await ScrapeAsync(node), metric);
        }
        return sum;
    }

    public static async Task<string> ScrapeAsync(ClusterNode node)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        return await http.GetStringAsync($"http://127.0.0.1:{node.MetricsPort}/metrics");
    }

    /// <summary>Adds every sample line of <paramref name="metric"/> (exact name, any labels) in Prometheus text.</summary>
    public static double SumOf(string prometheusText, string metric)
    {
        var pattern = new Regex($@"^{Regex.Escape(metric)}(\{{[^}}]*\}})? (?<value>\S+)", RegexOptions.Multiline);
        return pattern.Matches(prometheusText)
            .Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));
    }

    public string ClusterId => clusterId;

    public async ValueTask DisposeAsync()
    {
        // Gentle first (silos leave the membership, containers are stopped), then whatever is left is killed.
        await Task.WhenAll(nodes.Select(async n =>
        {
            try
            {
                await n.Host.StopAsync();
            }
            catch (OperationCanceledException)
            {
                // Did not stop within a minute: DisposeAsync kills it below.
            }
        }));
        foreach (var node in nodes)
        {
            await node.Host.DisposeAsync();
        }
    }
}
