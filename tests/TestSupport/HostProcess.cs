using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Skriptoteket.TestSupport;

/// <summary>
/// The product as shipped: the published all-in-one host started by scripts/host.sh from the repository root,
/// exactly as ./run.sh starts it (same script, same working directory, Production environment), on free
/// loopback ports. Lets tests stop it gently, kill it hard and start it again on the same database.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    /// <summary>The cluster id and Docker engine the host runs with, to remove its containers when it is killed.</summary>
    private string clusterId = "";
    private string dockerEndpoint = "";

    private HostProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    /// <summary>Everything the host wrote to stdout and stderr so far (for assertions and failure messages).</summary>
    public string Output
    {
        get { lock (output) { return output.ToString(); } }
    }

    /// <summary>
    /// The host's log lines that mention <paramref name="text"/> (e.g. the correlation id of a 500 answer, whose
    /// "Unexpected error" line names the exception): what a failure message needs to explain itself.
    /// </summary>
    public string LinesAbout(string text) =>
        string.Join('\n', Output.Split('\n').Where(line => line.Contains(text, StringComparison.Ordinal)));

    /// <summary>
    /// The host's warning and error log lines (JSON console lines), the last <paramref name="count"/> of them: what a
    /// failing test prints so that a hang or a refusal on CI explains itself (Orleans names a call that timed out).
    /// </summary>
    public string Problems(int count = 40) =>
        string.Join('\n', Output.Split('\n')
            .Where(line => line.Contains("\"LogLevel\":\"Warning\"", StringComparison.Ordinal)
                || line.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal)
                || line.Contains("\"LogLevel\":\"Critical\"", StringComparison.Ordinal))
            .TakeLast(count));

    /// <summary>
    /// Runs <paramref name="body"/>; when it fails, writes the host's problems and the end of its log to the test's
    /// output (shown under the failed test in the suite's log) before the failure goes on.
    /// </summary>
    public async Task ExplainingFailuresAsync(Xunit.Abstractions.ITestOutputHelper output, Func<Task> body)
    {
        try
        {
            await body();
        }
        catch
        {
            var log = Output;
            output.WriteLine($"host warnings and errors:\n{Problems()}\nend of the host log:\n{log[Math.Max(0, log.Length - 8_000)..]}");
            throw;
        }
    }

    /// <summary>
    /// For a 500 answer <paramref name="body"/>: the host's log lines under its correlation id; otherwise "".
    /// </summary>
    public string ExplainInternal(string body)
    {
        var id = System.Text.RegularExpressions.Regex.Match(body, "\"correlationId\":\"([^\"]+)\"");
        return id.Success ? $"\nhost log for {id.Groups[1].Value}:\n{LinesAbout(id.Groups[1].Value)}" : "";
    }

    /// <param name="readyWithin">How long the host may take to answer (default 90 s); a cluster node on a busy
    /// machine may need more.</param>
    public static async Task<HostProcess> StartAsync(string connectionString, IDictionary<string, string>? settings = null,
        TimeSpan? readyWithin = null)
    {
        var httpPort = FreePorts.Next();
        PublishedHost.EnsureCurrent();
        var info = new ProcessStartInfo("bash", [PublishedHost.StartScript])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        info.Environment["ConnectionStrings__Skriptoteket"] = connectionString;
        info.Environment["SKRIPTOTEKET_PORT"] = httpPort.ToString();
        info.Environment["Orleans__SiloPort"] = FreePorts.Next().ToString();
        info.Environment["Orleans__GatewayPort"] = FreePorts.Next().ToString();
        info.Environment["Orleans__ClusterId"] = "test-" + Guid.NewGuid().ToString("N")[..8];
        // Whatever environment the test runner has, the host runs as ./run.sh runs it: in Production.
        info.Environment.Remove("DOTNET_ENVIRONMENT");
        info.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the host.");
        var host = new HostProcess(process, new Uri($"http://127.0.0.1:{httpPort}/"))
        {
            clusterId = info.Environment["Orleans__ClusterId"]!,
            dockerEndpoint = info.Environment.TryGetValue("Execution__DockerEndpoint", out var endpoint) && endpoint is not null
                ? endpoint
                : "unix:///var/run/docker.sock",
        };
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await host.WaitUntilClusterAnswersAsync(readyWithin ?? TimeSpan.FromSeconds(90));
        }
        catch
        {
            await host.DisposeAsync(); // a host that never became ready must not outlive the test
            throw;
        }
        return host;
    }

    /// <summary>GET /healthz as JSON (whatever its status code).</summary>
    public async Task<JsonElement> GetHealthAsync()
    {
        using var response = await Http.GetAsync("healthz");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>SIGTERM and wait: the host's graceful shutdown (what Ctrl-C does).</summary>
    public async Task StopAsync()
    {
        if (process.HasExited)
        {
            return;
        }
        using (Process.Start("kill", ["-TERM", process.Id.ToString()])) { }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>SIGKILL: the process vanishes mid-work, as on a power cut.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public int? ExitCode => process.HasExited ? process.ExitCode : null;

    /// <summary>The host's process id (scripts/host.sh execs dotnet, so this is the host itself), e.g. to read its memory.</summary>
    public int ProcessId => process.Id;

    public async ValueTask DisposeAsync()
    {
        var killedNow = !process.HasExited;
        await KillAsync();
        Http.Dispose();
        process.Dispose();
        if (killedNow)
        {
            await RemoveContainersOfClusterAsync();
        }
    }

    /// <summary>
    /// A host killed at a test's end leaves the containers it had not removed yet (a warm pool, a run's container
    /// whose removal goes on after its outcome). In production the next start sweeps them (RunRecovery); a test host
    /// never starts again, so its teardown removes them by the cluster label. A host the test killed itself is left
    /// alone: its containers may belong to the host that took over its cluster.
    /// </summary>
    private async Task RemoveContainersOfClusterAsync()
    {
        if (dockerEndpoint.StartsWith("unix://", StringComparison.Ordinal) && !File.Exists(dockerEndpoint["unix://".Length..]))
        {
            return; // a host started against a missing engine (readiness tests) made no containers
        }
        var ids = await Commands.RunAsync("docker",
            ["-H", dockerEndpoint, "ps", "-aq", "--filter", $"label=org.skriptoteket.cluster={clusterId}"]);
        var list = ids.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var id in list)
        {
            try
            {
                await Commands.RunAsync("docker", ["-H", dockerEndpoint, "rm", "-f", id]);
            }
            catch (InvalidOperationException e) when (e.Message.Contains("No such container", StringComparison.Ordinal)
                || e.Message.Contains("already in progress", StringComparison.Ordinal))
            {
                // Gone meanwhile, or the engine is still removing it as the killed host asked: either way it goes.
            }
        }
    }

    private Task WaitUntilClusterAnswersAsync(TimeSpan limit) =>
        // Not listening yet, or still starting (no answer, or not JSON yet): try again shortly. An exited host fails at once.
        Eventually.GetAsync(async () =>
            {
                if (process.HasExited)
                {
                    await process.WaitForExitAsync(); // also drains the redirected output: its last lines say why
                    throw new InvalidOperationException($"The host exited with code {process.ExitCode}:\n{Output}");
                }
                var health = await GetHealthAsync();
                return health.GetProperty("checks").GetProperty("orleans").GetProperty("status").GetString();
            }, status => status == "Healthy", limit, "the host's Orleans cluster answers", TimeSpan.FromMilliseconds(200),
            tolerate: e => e is HttpRequestException or TaskCanceledException or JsonException,
            describe: status => $"{status}\n{Output}");

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
