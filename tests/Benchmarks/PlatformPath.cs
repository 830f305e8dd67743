using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Docker.DotNet;
using Docker.DotNet.Models;
using Skriptoteket.Grains.Execution;
using Skriptoteket.TestSupport;

namespace Skriptoteket.Benchmarks;

/// <summary>
/// What a teacher waits for: POST tools/{slug}/run with a file, then the run's record until it is finished,
/// through a real host (web, run grain, queue, container, runs table) on a fresh database; the host's warm pool
/// on or off.
/// </summary>
internal sealed class PlatformPath : IAsyncDisposable
{
    private const string Email = "rektor@benchmark.test";
    private const string Password = "Benchmarkens-lösenord-1";

    private readonly HttpClient http;
    private readonly string csrf;
    private readonly IDockerClient docker = new DockerClientConfiguration(new Uri(new ExecutionOptions().DockerEndpoint)).CreateClient();

    private PlatformPath(TestDatabase database, HostProcess host, HttpClient http, string csrf, Guid userId, string silo, bool pool) =>
        (Database, Host, this.http, this.csrf, UserId, Silo, PoolOn) = (database, host, http, csrf, userId, silo, pool);

    public TestDatabase Database { get; }

    public HostProcess Host { get; }

    public Guid UserId { get; }

    public string Silo { get; }

    public bool PoolOn { get; }

    public HttpClient Http => http;

    /// <param name="productLimits">The product's default slots and queue (the staff burst); otherwise 16 slots and 500
    /// queued, so that throughput up to 16 at once is not the silo's limit.</param>
    public static async Task<PlatformPath> StartAsync(bool pool, bool productLimits = false)
    {
        var database = await TestDatabase.CreateAsync("bench", migrate: false);
        var silo = "bench-" + Guid.NewGuid().ToString("N")[..8];
        HostProcess? host = null;
        try
        {
            var settings = new Dictionary<string, string>
            {
                ["SKRIPTOTEKET_SUPERUSER_EMAIL"] = Email,
                ["SKRIPTOTEKET_SUPERUSER_PASSWORD"] = Password,
                ["DOTNET_ENVIRONMENT"] = "Production", // the figure is the product's, not a development build's
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Orleans__SiloName"] = silo,
                ["Orleans__Dashboard"] = "false",
                ["Execution__WarmPoolSize"] = pool ? "2" : "0",
            };
            if (!productLimits)
            {
                settings["Execution__MaxConcurrentRuns"] = "16";
                settings["Execution__MaxQueuedRuns"] = "500";
            }
            host = await HostProcess.StartAsync(database.ConnectionString, settings);
            var http = new HttpClient(new HttpClientHandler { CookieContainer = new() }) { BaseAddress = host.BaseAddress };
            using var login = await http.PostAsJsonAsync("api/v1/auth/login", new { email = Email, password = Password });
            login.EnsureSuccessStatusCode();
            var me = await login.Content.ReadFromJsonAsync<JsonElement>();
            var userId = me.GetProperty("user").GetProperty("id").GetGuid();
            return new PlatformPath(database, host, http, me.GetProperty("csrfToken").GetString()!, userId, silo, pool);
        }
        catch
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>A teacher's account made by the superuser, and that teacher's own signed-in session and CSRF token.</summary>
    public async Task<(HttpClient Http, string Csrf)> NewTeacherAsync(int number)
    {
        var email = $"larare{number}-{Guid.NewGuid():N}@benchmark.test";
        using var create = new HttpRequestMessage(HttpMethod.Post, "api/v1/users")
        {
            Content = JsonContent.Create(new { email, displayName = $"Lärare {number}", password = Password, role = "user" }),
        };
        create.Headers.Add("X-CSRF-TOKEN", csrf);
        using var created = await http.SendAsync(create);
        created.EnsureSuccessStatusCode();
        var teacher = new HttpClient(new HttpClientHandler { CookieContainer = new() }) { BaseAddress = Host.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        using var login = await teacher.PostAsJsonAsync("api/v1/auth/login", new { email, password = Password });
        login.EnsureSuccessStatusCode();
        return (teacher, (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("csrfToken").GetString()!);
    }

    public async Task<string> AddToolAsync(string source) =>
        (await ToolRows.InsertAsync(Database, source, UserId, published: true)).Slug;

    /// <summary>
    /// Starts a run of the tool with one file and waits for it with <c>GET tool-runs/{id}?wait=</c>: the host answers
    /// when the run has finished (pushed by the run's grain), so no poll interval is in this figure.
    /// </summary>
    public async Task RunAsync(string slug, string fileName, byte[] file)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(file), "files", fileName } };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/tools/{slug}/run") { Content = form };
        request.Headers.Add("X-CSRF-TOKEN", csrf);
        using var started = await http.SendAsync(request);
        if (!started.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Run refused: {(int)started.StatusCode} {await started.Content.ReadAsStringAsync()}");
        }
        var runId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetGuid();
        while (true)
        {
            var run = await http.GetFromJsonAsync<JsonElement>($"api/v1/tool-runs/{runId}?wait=50");
            switch (run.GetProperty("status").GetString())
            {
                case "succeeded":
                    return;
                case "queued" or "running":
                    continue; // a wait ran out (a long queue): wait again
                case var other:
                    throw new InvalidOperationException($"Run ended {other}: {run}");
            }
        }
    }

    /// <summary>How many run-end lines the host has logged so far (to take the figures of the runs after it).</summary>
    public int RunLogCount => RunLines().Count;

    /// <summary>
    /// The supervisor's own figures of the runs logged after <paramref name="from"/>: container time (from take or
    /// create to the result, removal included) and time queued (from enqueue to claim), in ms.
    /// </summary>
    public IReadOnlyList<(double Container, double Queued)> RunLogFigures(int from) =>
        RunLines().Skip(from).Select(m => (double.Parse(m.Groups[1].Value), double.Parse(m.Groups[2].Value))).ToList();

    private List<System.Text.RegularExpressions.Match> RunLines() =>
        System.Text.RegularExpressions.Regex.Matches(Host.Output, @"ended succeeded on \S+ in (\d+) ms \(script \d+ ms, queued (\d+) ms\)").ToList();

    /// <summary>Sends an unsafe API request with the CSRF token and fails loudly on a refusal.</summary>
    public async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("X-CSRF-TOKEN", csrf);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
        }
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Waits until the host's pool holds a container whose libraries are imported (its log says so).</summary>
    public async Task WaitForPrimedAsync()
    {
        if (!PoolOn)
        {
            return;
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (true)
        {
            foreach (var c in await PoolContainersAsync())
            {
                if (c.State == "running" && (await LogsAsync(c.ID)).Contains(WarmContainer.PrimedMarker, StringComparison.Ordinal))
                {
                    return;
                }
            }
            await Task.Delay(20, timeout.Token);
        }
    }

    /// <summary>Waits until the pool is full with primed containers (memory "pool full").</summary>
    public async Task WaitForFullPoolAsync(int size)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        while (true)
        {
            var primed = 0;
            foreach (var c in await PoolContainersAsync())
            {
                if (c.State == "running" && (await LogsAsync(c.ID)).Contains(WarmContainer.PrimedMarker, StringComparison.Ordinal))
                {
                    primed++;
                }
            }
            if (primed >= size)
            {
                return;
            }
            await Task.Delay(100, timeout.Token);
        }
    }

    /// <summary>The host process's resident memory and the memory of this silo's containers, in MiB.</summary>
    public async Task<(double HostMiB, double ContainersMiB, int Containers)> MemoryAsync()
    {
        var status = await File.ReadAllLinesAsync($"/proc/{Host.ProcessId}/status");
        var rssKb = double.Parse(status.First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
        double containers = 0;
        var list = await SiloContainersAsync();
        foreach (var c in list.Where(c => c.State == "running"))
        {
            var stats = await ReadStatsAsync(c.ID);
            containers += stats;
        }
        return (rssKb / 1024, containers / (1024 * 1024), list.Count);
    }

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

    private async Task<IList<ContainerListResponse>> SiloContainersAsync() =>
        await docker.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [$"{ContainerLabels.Silo}={Silo}"] = true },
            },
        });

    private async Task<IList<ContainerListResponse>> PoolContainersAsync() =>
        (await SiloContainersAsync()).Where(c => c.Labels.ContainsKey(ContainerLabels.Pool)
            && c.Names.Any(n => n.TrimStart('/').StartsWith(Skriptoteket.Grains.Execution.ContainerSpec.WarmNamePrefix, StringComparison.Ordinal))).ToList();

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

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await Host.StopAsync();
        await Host.DisposeAsync();
        await Database.DisposeAsync();
        docker.Dispose();
    }
}
