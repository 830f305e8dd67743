using System.Collections.Concurrent;

namespace Skriptoteket.Grains.Persistence;

/// <summary>
/// Query rows of this silo's grains that are behind their grain state (a row write failed for a transient
/// reason and is being retried). /healthz reads it: a lag that persists shows there. One instance per silo.
/// </summary>
public sealed class RowLag(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> behind = new();

    /// <summary>Marks the rows of <paramref name="key"/> as behind since now (keeps the first time).</summary>
    public void Behind(string key) => behind.TryAdd(key, time.GetUtcNow());

    /// <summary>The rows of <paramref name="key"/> match the grain state again.</summary>
    public void Landed(string key) => behind.TryRemove(key, out _);

    /// <summary>How many objects of one kind (the key's prefix before '/', e.g. "run") are behind.</summary>
    public int CountOf(string kind) => behind.Keys.Count(key => key.StartsWith(kind + "/", StringComparison.Ordinal));

    /// <summary>Objects behind, oldest first, with how long each has been behind.</summary>
    public IReadOnlyList<(string Key, TimeSpan Behind)> Snapshot()
    {
        var now = time.GetUtcNow();
        return behind.Select(e => (e.Key, now - e.Value)).OrderByDescending(e => e.Item2).ToList();
    }
}
