using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Grains.Tests;

/// <summary>An observer that records every update of a run and lets a test await a condition on them.</summary>
internal sealed class RunWatcher : IRunObserver
{
    private readonly object gate = new();
    private readonly List<RunInfo> seen = [];
    private readonly List<(Func<RunInfo, bool> Condition, TaskCompletionSource<RunInfo> Done)> waiters = [];

    public IReadOnlyList<RunInfo> Seen { get { lock (gate) { return [.. seen]; } } }

    public Task RunChangedAsync(RunInfo run)
    {
        lock (gate)
        {
            seen.Add(run);
            foreach (var w in waiters.Where(w => w.Condition(run)).ToList())
            {
                w.Done.TrySetResult(run);
                waiters.Remove(w);
            }
        }
        return Task.CompletedTask;
    }

    public Task<RunInfo> WaitForAsync(Func<RunInfo, bool> condition, int seconds = 40)
    {
        var done = new TaskCompletionSource<RunInfo>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            if (seen.FirstOrDefault(condition) is { } already)
            {
                return Task.FromResult(already);
            }
            waiters.Add((condition, done));
        }
        return done.Task.WaitAsync(TimeSpan.FromSeconds(seconds));
    }

    public Task<RunInfo> FinishedAsync() => WaitForAsync(r => r.IsFinished);
}
