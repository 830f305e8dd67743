namespace Skriptoteket.Grains.Runs;

/// <summary>A wake-up flag: <see cref="Set"/> any number of times, <see cref="WaitAsync"/> returns once per setting (or after a timeout).</summary>
internal sealed class Signal
{
    private readonly object gate = new();
    private TaskCompletionSource next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Set()
    {
        lock (gate)
        {
            next.TrySetResult();
        }
    }

    /// <summary>Waits for a <see cref="Set"/> since the last wait returned; false after <paramref name="timeout"/> or when stopped.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken stop)
    {
        Task waiting;
        lock (gate)
        {
            waiting = next.Task;
        }
        try
        {
            await waiting.WaitAsync(timeout, stop);
            return true;
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            return false;
        }
        finally
        {
            lock (gate)
            {
                if (next.Task.IsCompleted)
                {
                    next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }
        }
    }
}
