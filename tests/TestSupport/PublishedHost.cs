namespace Skriptoteket.TestSupport;

/// <summary>Where the published host lives and the one script that starts it (shared with ./run.sh).</summary>
public static class PublishedHost
{
    public static string StartScript { get; } = Path.Combine(RepositoryPaths.Root, "scripts", "host.sh");

    public static string Assembly { get; } = Path.Combine(RepositoryPaths.Root, ".local", "publish", "Skriptoteket.Silo.dll");

    /// <summary>Touched by scripts/publish.sh when a publish finished (an unchanged dll keeps its old time).</summary>
    private static string Stamp { get; } = Path.Combine(RepositoryPaths.Root, ".local", "publish", ".published");

    /// <summary>
    /// Refuses to test a missing or stale product: ./test.sh publishes before the suites run; a developer
    /// running one suite by hand after changing src/ gets told to publish instead of testing old code.
    /// </summary>
    public static void EnsureCurrent()
    {
        if (!File.Exists(Assembly) || !File.Exists(Stamp))
        {
            throw new InvalidOperationException($"No published host at {Assembly}: run scripts/publish.sh (./test.sh does).");
        }
        var published = File.GetLastWriteTimeUtc(Stamp);
        var newer = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src"), "*", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(path) && File.GetLastWriteTimeUtc(path) > published)
            .Take(3)
            .ToList();
        if (newer.Count > 0)
        {
            throw new InvalidOperationException(
                $"The published host is older than {string.Join(", ", newer)}: run scripts/publish.sh (./test.sh does).");
        }
    }

    private static bool IsBuildOutput(string path) =>
        path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") ||
        path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}");
}
