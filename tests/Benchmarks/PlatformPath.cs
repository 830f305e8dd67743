using System.Net.Http.Json;
using System.Text.Json;
using Skriptoteket.TestSupport;

namespace Skriptoteket.Benchmarks;

/// <summary>
/// What a teacher waits for: POST tools/{slug}/run with a file, then the run's record until it is finished,
/// through a real host (web, run grain, queue, container, runs table) on a fresh database; the host's warm pool
/// on or off.
/// </summary>
internal sealed class PlatformPath : IAsyncDisposable
{
    private readonly AdminSession admin;

    private PlatformPath(TestDatabase database, HostProcess host, AdminSession admin, string silo, bool pool) =>
        (Database, Host, this.admin, Containers, PoolOn) = (database, host, admin, new SiloContainers(silo), pool);

    public TestDatabase Database { get; }

    public HostProcess Host { get; }

    public Guid UserId => admin.UserId;

    public string Silo => Containers.Silo;

    /// <summary>The host's containers on the engine (its silo label).</summary>
    public SiloContainers Containers { get; }

    public bool PoolOn { get; }

    public HttpClient Http => admin.Http;

    public AdminSession Admin => admin;

    /// <param name="productLimits">The product's default slots and queue (the staff burst); otherwise 16 slots and 500
    /// queued, so that throughput up to 16 at once is not the silo's limit.</param>
    public static async Task<PlatformPath> StartAsync(bool pool, bool productLimits = false)
    {
        var database = await TestDatabase.CreateAsync("bench", migrate: false);
        var silo = "bench-" + Guid.NewGuid().ToString("N")[..8];
        HostProcess? host = null;
        try
        {
            var settings = new Dictionary<string, string>(AdminSession.Settings)
            {
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
            return new PlatformPath(database, host, await AdminSession.LoginAsync(host.BaseAddress), silo, pool);
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

    public Task<TeacherSession> NewTeacherAsync(int number) => admin.NewTeacherAsync(number);

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
        request.Headers.Add("X-CSRF-TOKEN", admin.Csrf);
        using var started = await Http.SendAsync(request);
        if (!started.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Run refused: {(int)started.StatusCode} {await started.Content.ReadAsStringAsync()}");
        }
        var runId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetGuid();
        while (true)
        {
            var run = await Http.GetFromJsonAsync<JsonElement>($"api/v1/tool-runs/{runId}?wait=50");
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
    public Task<JsonElement> SendAsync(HttpMethod method, string path, object? body) => admin.SendAsync(method, path, body);

    /// <summary>Waits until the host's pool holds a container whose libraries are imported (its log says so).</summary>
    public Task WaitForPrimedAsync() => PoolOn ? Containers.WaitForPrimedAsync(1, TimeSpan.FromSeconds(120)) : Task.CompletedTask;

    /// <summary>Waits until the pool is full with primed containers (memory "pool full").</summary>
    public Task WaitForFullPoolAsync(int size) => Containers.WaitForPrimedAsync(size, TimeSpan.FromSeconds(180));

    /// <summary>The host process's resident memory in MiB.</summary>
    public double HostMiB()
    {
        var status = File.ReadAllLines($"/proc/{Host.ProcessId}/status");
        return double.Parse(status.First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
    }

    /// <summary>The host process's resident memory and the memory of this silo's containers, in MiB.</summary>
    public async Task<(double HostMiB, double ContainersMiB, int Containers)> MemoryAsync()
    {
        var host = HostMiB();
        var (containers, count) = await Containers.MemoryAsync();
        return (host, containers, count);
    }

    public async ValueTask DisposeAsync()
    {
        admin.Dispose();
        await Host.StopAsync();
        await Host.DisposeAsync();
        await Database.DisposeAsync();
        Containers.Dispose();
    }
}
