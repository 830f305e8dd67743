using System.Diagnostics;

namespace Skriptoteket.TestSupport;

/// <summary>Runs a command line tool to its end and fails with its output when it does not succeed.</summary>
public static class Commands
{
    public static async Task<string> RunAsync(string file, IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', info.ArgumentList)} did not finish in time.");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{file} {string.Join(' ', info.ArgumentList)} exited with {process.ExitCode}:\n{await stdout}\n{await stderr}");
        }
        return await stdout;
    }

    /// <summary>A shell pipeline (e.g. docker save | docker load), with bash's pipefail.</summary>
    public static Task<string> ShellAsync(string script, TimeSpan? timeout = null) =>
        RunAsync("bash", ["-o", "pipefail", "-c", script], timeout);

    /// <summary>As the postgres operating-system user, like scripts/prepare.sh (PostgreSQL refuses to run as root).</summary>
    public static Task<string> AsPostgresAsync(string file, params string[] arguments) =>
        RunAsync("runuser", ["-u", "postgres", "--", file, .. arguments]);
}
