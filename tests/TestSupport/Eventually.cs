using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Skriptoteket.TestSupport;

/// <summary>
/// The one way tests wait for something that happens on its own time (a run finishing, a host starting, a row
/// appearing): poll until it holds, or fail after a limit saying what was awaited and what was seen last. No test
/// sleeps a fixed time; a test whose subject is elapsed time waits for an observable fact about it instead.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultEvery = TimeSpan.FromMilliseconds(100);

    /// <summary>Polls <paramref name="condition"/> until it is true (<paramref name="what"/> defaults to its source text).</summary>
    public static Task UntilAsync(Func<Task<bool>> condition, TimeSpan limit,
        [CallerArgumentExpression(nameof(condition))] string what = "", TimeSpan? every = null, Func<Exception, bool>? tolerate = null) =>
        GetAsync(condition, done => done, limit, what, every, tolerate);

    /// <summary>Polls a synchronous <paramref name="condition"/> (a process's output, a counter) until it is true.</summary>
    public static Task UntilAsync(Func<bool> condition, TimeSpan limit,
        [CallerArgumentExpression(nameof(condition))] string what = "", TimeSpan? every = null) =>
        GetAsync(() => Task.FromResult(condition()), done => done, limit, what, every);

    /// <summary>
    /// Reads <paramref name="probe"/> until <paramref name="done"/> accepts its value and returns that value.
    /// An exception the probe throws fails the wait at once, unless <paramref name="tolerate"/> accepts it (a host
    /// that is not listening yet); <paramref name="describe"/> says what the last value was when the limit passes.
    /// </summary>
    public static async Task<T> GetAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan limit,
        [CallerArgumentExpression(nameof(done))] string what = "", TimeSpan? every = null, Func<Exception, bool>? tolerate = null, Func<T, string>? describe = null)
    {
        var clock = Stopwatch.StartNew();
        var seen = "nothing yet";
        while (true)
        {
            try
            {
                var value = await probe();
                if (done(value))
                {
                    return value;
                }
                seen = describe?.Invoke(value) ?? value?.ToString() ?? "null";
            }
            catch (Exception e) when (tolerate?.Invoke(e) == true)
            {
                seen = $"{e.GetType().Name}: {e.Message}";
            }
            if (clock.Elapsed >= limit)
            {
                throw new TimeoutException($"Not within {limit.TotalSeconds:0.#} s: {what}. Last seen: {seen}");
            }
            await Task.Delay(every ?? DefaultEvery);
        }
    }

    /// <summary>
    /// Checks that <paramref name="condition"/> holds throughout <paramref name="during"/>: for "nothing more happens",
    /// where the window is the time in which the unwanted thing would have shown (say why at the call).
    /// </summary>
    public static async Task StaysAsync(Func<Task<bool>> condition, TimeSpan during,
        [CallerArgumentExpression(nameof(condition))] string what = "", TimeSpan? every = null)
    {
        var clock = Stopwatch.StartNew();
        do
        {
            if (!await condition())
            {
                throw new InvalidOperationException($"Stopped holding after {clock.Elapsed.TotalSeconds:0.#} s: {what}");
            }
            await Task.Delay(every ?? DefaultEvery);
        }
        while (clock.Elapsed < during);
    }
}
