using System.Collections.Concurrent;

namespace Skriptoteket.Grains.Runs;

/// <summary>
/// This silo's run rows that are written in the grain but not yet in the runs table (PostgreSQL unreachable):
/// shown as a metric and in /healthz, so a lag that persists is seen rather than discovered.
/// </summary>
public sealed class RunRowLag(TimeProvider time)
{
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> since = new();

    public int Count => since.Count;

    /// <summary>How long the oldest pending row has waited; zero when none is pending.</summary>
    public TimeSpan Oldest
    {
        get
        {
            var now = time.GetUtcNow();
            return since.IsEmpty ? TimeSpan.Zero : now - since.Values.Min();
        }
    }

    internal void Pending(Guid runId) => since.TryAdd(runId, time.GetUtcNow());

    internal void Landed(Guid runId) => since.TryRemove(runId, out _);
}
