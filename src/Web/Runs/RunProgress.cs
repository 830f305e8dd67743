using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Web.Runs;

/// <summary>
/// A run only moves forward (queued → running → finished). A page gets the run from a read and from
/// notifications in any order, so an older view must never replace a newer one.
/// </summary>
public static class RunProgress
{
    public static RunInfo Newer(RunInfo? current, RunInfo next) =>
        current is null || (!current.IsFinished && Rank(next) >= Rank(current)) ? next : current;

    private static int Rank(RunInfo run) => run.IsFinished ? 2 : run.Status == RunStatus.Running ? 1 : 0;
}
