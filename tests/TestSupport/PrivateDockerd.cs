using System.Diagnostics;

namespace Skriptoteket.TestSupport;

/// <summary>
/// A Docker engine of a test's own (its own socket /run/skt-fault-&lt;n&gt;.sock, data root, exec root and pid
/// file; no bridge, no iptables: runner containers have no network anyway), holding a copy of the runner
/// image, so a test may restart or stop it without touching the shared dockerd other suites use. Its data
/// and containers are removed on dispose.
/// </summary>
public sealed class PrivateDockerd : IAsyncDisposable
{
    private readonly string name;
    private readonly string folder;
    private Process? daemon;

    private PrivateDockerd(string name, string folder)
    {
        this.name = name;
        this.folder = folder;
    }

    private string Socket => $"/run/{name}.sock";

    /// <summary>Execution:DockerEndpoint for runner silos that should use this engine.</summary>
    public string Endpoint => $"unix://{Socket}";

    private string PidFile => $"/run/{name}.pid";

    public static async Task<PrivateDockerd> StartAsync()
    {
        var n = FreePorts.Next(); // any number unique on this machine right now
        var name = $"skt-fault-{n}";
        var folder = Path.Combine(RepositoryPaths.Root, ".local", "private-docker", name);
        Directory.CreateDirectory(folder);
        var docker = new PrivateDockerd(name, folder);
        try
        {
            await docker.StartDaemonAsync();
            // The shared engine built the image; copy it over (no registry, ADR 0003).
            await Commands.ShellAsync(
                $"docker save {TestEnvironment.RunnerImage} | docker -H {docker.Endpoint} load -q", TimeSpan.FromMinutes(5));
        }
        catch
        {
            await docker.DisposeAsync();
            throw;
        }
        return docker;
    }

    /// <summary>Stops the engine (SIGTERM: it stops its containers, as a service restart does) and starts it again.</summary>
    public async Task RestartAsync()
    {
        await StopDaemonAsync();
        await StartDaemonAsync();
    }

    /// <summary>Containers of this engine that carry <paramref name="label"/> (running or not).</summary>
    public async Task<IReadOnlyList<string>> ContainersAsync(string label) =>
        (await Commands.RunAsync("docker", ["-H", Endpoint, "ps", "-aq", "--filter", $"label={label}"]))
        .Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public async ValueTask DisposeAsync()
    {
        if (daemon is { HasExited: false })
        {
            try
            {
                var leftovers = await Commands.RunAsync("docker", ["-H", Endpoint, "ps", "-aq"]);
                foreach (var id in leftovers.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    await Commands.RunAsync("docker", ["-H", Endpoint, "rm", "-f", id]);
                }
            }
            finally
            {
                await StopDaemonAsync();
            }
        }
        // Image layers are mounted read-only by nothing once the engine is gone; remove the whole data root.
        Directory.Delete(folder, recursive: true);
    }

    private async Task StartDaemonAsync()
    {
        var info = new ProcessStartInfo("dockerd",
        [
            "-H", Endpoint,
            "--data-root", Path.Combine(folder, "data"),
            "--exec-root", $"/run/{name}-exec",
            "--pidfile", PidFile,
            "--bridge=none", "--iptables=false", "--ip-masq=false",
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        daemon = Process.Start(info) ?? throw new InvalidOperationException("Could not start dockerd.");
        var log = Path.Combine(folder, "dockerd.log");
        daemon.OutputDataReceived += (_, e) => Append(log, e.Data);
        daemon.ErrorDataReceived += (_, e) => Append(log, e.Data);
        daemon.BeginOutputReadLine();
        daemon.BeginErrorReadLine();
        // Not answering yet is tolerated; an exited daemon fails at once.
        await Eventually.UntilAsync(async () =>
            {
                if (daemon.HasExited)
                {
                    throw new DaemonExitedException($"dockerd exited with {daemon.ExitCode}: see {log}");
                }
                await Commands.RunAsync("docker", ["-H", Endpoint, "version", "--format", "{{.Server.Version}}"], TimeSpan.FromSeconds(10));
                return true;
            }, TimeSpan.FromSeconds(60), $"dockerd on {Endpoint} answers (log: {log})", TimeSpan.FromMilliseconds(250),
            tolerate: e => e is InvalidOperationException and not DaemonExitedException or TimeoutException);
    }

    private async Task StopDaemonAsync()
    {
        if (daemon is null || daemon.HasExited)
        {
            return;
        }
        // SIGTERM, as a service manager stops it: dockerd stops its containers and its containerd, then exits.
        await Commands.RunAsync("kill", ["-TERM", daemon.Id.ToString()]);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await daemon.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            daemon.Kill(entireProcessTree: true);
            await daemon.WaitForExitAsync();
        }
    }

    private readonly Lock logLock = new();

    private void Append(string log, string? line)
    {
        if (line is not null)
        {
            lock (logLock)
            {
                File.AppendAllText(log, line + Environment.NewLine);
            }
        }
    }

    private sealed class DaemonExitedException(string message) : InvalidOperationException(message);
}
