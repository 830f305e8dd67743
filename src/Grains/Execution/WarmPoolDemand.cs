namespace Skriptoteket.Grains.Execution;

/// <summary>
/// What the runs of one silo have asked the warm pool for lately: the import profiles of its last
/// <see cref="Remembered"/> takes, and from them how many of the pool's slots each profile gets. Not thread-safe:
/// the pool calls it under its lock.
/// </summary>
internal sealed class WarmPoolDemand
{
    /// <summary>
    /// How many takes the pool remembers: enough that one odd run does not turn over a pool of a few containers,
    /// few enough that the pool follows a change of tools within a lesson's first runs.
    /// </summary>
    public const int Remembered = 20;

    private readonly Queue<ImportProfile> recent = new();

    public void Record(ImportProfile profile)
    {
        if (recent.Count == Remembered)
        {
            recent.Dequeue();
        }
        recent.Enqueue(profile);
    }

    /// <summary>
    /// The pool's <paramref name="slots"/> shared out in proportion to the remembered takes (largest remainder, so
    /// the counts add up to the slots), most wanted profile first; profiles with a share under one slot may get
    /// none. Before any take: every slot the full profile, so nothing is slower for the first runs than before.
    /// </summary>
    public IReadOnlyList<(ImportProfile Profile, int Slots)> Plan(int slots)
    {
        if (slots <= 0)
        {
            return [];
        }
        if (recent.Count == 0)
        {
            return [(ImportProfile.Full, slots)];
        }
        // Ties in demand go to the profile asked for most recently (the queue's end).
        var demand = recent.Select((profile, at) => (profile, at))
            .GroupBy(t => t.profile)
            .Select(g => (Profile: g.Key, Takes: g.Count(), Last: g.Max(t => t.at)))
            .OrderByDescending(d => d.Takes).ThenByDescending(d => d.Last)
            .ToList();
        // Whole numbers: share = takes × slots / remembered, its floor first, the slots left to the largest remainders.
        var given = demand.Select(d => d.Takes * slots / recent.Count).ToArray();
        var left = slots - given.Sum();
        foreach (var i in Enumerable.Range(0, demand.Count).OrderByDescending(i => demand[i].Takes * slots % recent.Count).ThenBy(i => i).Take(left))
        {
            given[i]++;
        }
        return [.. demand.Select((d, i) => (d.Profile, given[i])).Where(p => p.Item2 > 0)];
    }
}
