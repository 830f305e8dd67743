using Npgsql;
using Skriptoteket.TestSupport;

namespace Skriptoteket.Cluster.Tests;

/// <summary>A final run record as the runs table holds it (the source of truth, ADR 0007).</summary>
public sealed record RunRow(Guid Id, string Status, string? Silo, DateTime CreatedAt, DateTime? StartedAt, DateTime? FinishedAt)
{
    public static readonly string[] FinalStatuses = ["succeeded", "failed", "timed_out", "canceled", "interrupted"];

    public bool IsFinal => FinalStatuses.Contains(Status);
}

/// <summary>
/// Each test class gets a PostgreSQL of its own (<see cref="PrivatePostgres"/>): four hosts under load need more
/// connections than the shared server on this machine spares, and fault tests restart it.
/// </summary>
public abstract class ClusterTestBase : IAsyncLifetime
{
    public const string OperatorEmail = "drift@cluster.test";
    public const string OperatorPassword = "Klustrets-långa-lösenord-7";

    /// <summary>Reads its input and writes it back as an artifact, so a download proves which run it came from.</summary>
    protected const string EchoTool = """
        def run_tool(input_path, output_dir):
            text = open(input_path, encoding="utf-8").read()
            with open(output_dir + "/kopia.txt", "w", encoding="utf-8") as f:
                f.write(text)
            return "<p>klar</p>"
        """;

    /// <summary>Sleeps as many seconds as its input says, long enough to be caught mid-run.</summary>
    protected const string SleepTool = """
        import time
        def run_tool(input_path, output_dir):
            time.sleep(float(open(input_path, encoding="utf-8").read()))
            return "<p>sov</p>"
        """;

    protected PrivatePostgres Postgres { get; private set; } = null!;

    protected ClusterProcess Cluster { get; private set; } = null!;

    /// <summary>Settings every node gets besides its role; tests add their own before the nodes start.</summary>
    protected virtual IDictionary<string, string> NodeSettings(PrivatePostgres postgres) => new Dictionary<string, string>
    {
        ["SKRIPTOTEKET_SUPERUSER_EMAIL"] = OperatorEmail,
        ["SKRIPTOTEKET_SUPERUSER_PASSWORD"] = OperatorPassword,
        ["Execution__MaxConcurrentRuns"] = "2",
    };

    public virtual async Task InitializeAsync()
    {
        Postgres = await PrivatePostgres.StartAsync(GetType().Name.ToLowerInvariant());
        Cluster = new ClusterProcess(Postgres.ConnectionString, NodeSettings(Postgres));
    }

    public virtual async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await Postgres.DisposeAsync();
    }

    /// <summary>
    /// The fault tests' cluster (two runner silos, a plain silo, a web node) with the sleeping tool published and
    /// <paramref name="count"/> of its runs accepted through the web node, each sleeping <paramref name="seconds"/>.
    /// </summary>
    protected async Task<(string Slug, List<Guid> Runs)> StartClusterWithSleepingRunsAsync(int count, int seconds)
    {
        await Cluster.StartAsync(("runner-1", NodeRole.Runner), ("runner-2", NodeRole.Runner),
            ("silo-1", NodeRole.Silo), ("web-1", NodeRole.Web));
        var slug = await PublishToolAsync(SleepTool);
        using var api = await ClusterApi.LoginAsync(Cluster.Web.Host.BaseAddress);
        var runs = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            runs.Add(await api.StartAcceptedAsync(slug, seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return (slug, runs);
    }

    /// <summary>A published tool (the hosts have migrated the schema by now); returns its slug.</summary>
    protected async Task<string> PublishToolAsync(string source) =>
        (await ToolRows.InsertAsync(Postgres.ConnectionString, source, Guid.NewGuid(), published: true)).Slug;

    protected async Task<IReadOnlyList<RunRow>> RunRowsAsync()
    {
        await using var db = NpgsqlDataSource.Create(Postgres.ConnectionString + ";Pooling=false");
        await using var command = db.CreateCommand("SELECT id, status, silo, created_at, started_at, finished_at FROM runs ORDER BY created_at");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<RunRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new RunRow(reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetDateTime(3), reader.IsDBNull(4) ? null : reader.GetDateTime(4), reader.IsDBNull(5) ? null : reader.GetDateTime(5)));
        }
        return rows;
    }

    /// <summary>The cluster's queue as it is: each waiting or running run and the silo that claimed it (null: waiting).</summary>
    protected async Task<IReadOnlyDictionary<Guid, string?>> QueueClaimsAsync()
    {
        await using var db = NpgsqlDataSource.Create(Postgres.ConnectionString + ";Pooling=false");
        await using var command = db.CreateCommand("SELECT run_id, claimed_by FROM run_queue WHERE cluster_id = @cluster");
        command.Parameters.AddWithValue("cluster", Cluster.ClusterId);
        await using var reader = await command.ExecuteReaderAsync();
        var claims = new Dictionary<Guid, string?>();
        while (await reader.ReadAsync())
        {
            claims[reader.GetGuid(0)] = reader.IsDBNull(1) ? null : reader.GetString(1);
        }
        return claims;
    }

    /// <summary>
    /// The service answers without a manual step: a new run through the web node succeeds (retried while the
    /// cluster recovers, for up to <paramref name="limit"/>).
    /// </summary>
    protected async Task AssertANewRunSucceedsAsync(string slug, string input, TimeSpan limit)
    {
        // Any failure while the cluster recovers (refused connection, 503, an interrupted run) means: try again.
        await Eventually.UntilAsync(async () =>
        {
            using var api = await ClusterApi.LoginAsync(Cluster.Web.Host.BaseAddress);
            var runId = await api.StartAcceptedAsync(slug, input);
            var done = await api.WaitForFinishedAsync(runId, TimeSpan.FromMinutes(2));
            return done.GetProperty("status").GetString() == "succeeded";
        }, limit, $"a new run of {slug} succeeds", TimeSpan.FromSeconds(1), tolerate: e => e is not OutOfMemoryException);
    }

    /// <summary>Waits until every run row is final; fails naming the ones that are not.</summary>
    protected async Task<IReadOnlyList<RunRow>> WaitForAllFinalAsync(int expected, TimeSpan limit)
    {
        return await Eventually.GetAsync(RunRowsAsync, rows => rows.Count >= expected && rows.All(r => r.IsFinal), limit,
            $"{expected} runs final", TimeSpan.FromMilliseconds(500),
            describe: rows => $"{rows.Count(r => !r.IsFinal)} of {rows.Count} not final: " +
                              string.Join(", ", rows.Where(r => !r.IsFinal).Take(10).Select(r => $"{r.Id} {r.Status} on {r.Silo}")));
    }

    /// <summary>Name of a warm pool container no run has taken yet (ContainerSpec.WarmNamePrefix; a taken one is renamed for its run).</summary>
    private const string WaitingPoolPrefix = "skriptoteket-warm-";

    /// <summary>
    /// Waits until no container labelled with any runner silo's name is left on <paramref name="dockerHost"/>,
    /// apart from the warm pool's containers still waiting for a run (a runner silo keeps them on purpose).
    /// </summary>
    protected Task WaitForNoContainersAsync(TimeSpan limit, string? dockerHost = null) =>
        Eventually.GetAsync(() => ContainersLeftAsync(dockerHost), left => left.Count == 0, limit, "no run containers left",
            TimeSpan.FromMilliseconds(500), describe: left => string.Join(", ", left));

    private async Task<List<string>> ContainersLeftAsync(string? dockerHost)
    {
        var left = new List<string>();
        foreach (var runner in Cluster.Nodes.Where(n => n.Role == NodeRole.Runner))
        {
            string[] host = dockerHost is null ? [] : ["-H", dockerHost];
            var lines = await Commands.RunAsync("docker", [.. host, "ps", "-a", "--filter", $"label=org.skriptoteket.silo={runner.SiloName}",
                "--format", "{{.ID}} {{.Names}} {{.State}}"]);
            left.AddRange(lines.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split(' '))
                .Where(c => !(c[1].StartsWith(WaitingPoolPrefix, StringComparison.Ordinal) && c[2] == "running"))
                .Select(c => $"{c[0]} {c[1]} {c[2]} ({runner.Name})"));
        }
        return left;
    }
}
