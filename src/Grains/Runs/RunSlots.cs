namespace Skriptoteket.Grains.Runs;

/// <summary>
/// This runner silo's container slots: at most <c>capacity</c> containers at once. The silo's dispatcher takes
/// a slot before it claims a run from the cluster's queue, so a silo never claims more than it can run.
/// </summary>
public sealed class RunSlots(int capacity)
{
    private readonly SemaphoreSlim free = new(capacity, capacity);

    public int Capacity => capacity;

    public int Running => capacity - free.CurrentCount;

    /// <summary>Runs waiting in the cluster's queue, as this silo saw them last (a gauge, refreshed every second).</summary>
    public int ClusterQueued { get; internal set; }

    public Task WaitAsync(CancellationToken cancel) => free.WaitAsync(cancel);

    public void Release() => free.Release();
}
