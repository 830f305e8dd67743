using Microsoft.Extensions.Logging;
using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Web.Runs;

/// <summary>
/// Starts a run under its run id (new, or derived from the request's key: <see cref="RunStartKey"/>), trying again when the cluster answered with a passing fault: a silo
/// joining or leaving moves grain directory partitions (a message may be rejected or its target silo be gone
/// for a moment), and a grain call may time out on a starved machine. A retry is safe because the run grain
/// answers a second start of the same run id with the run it already has (no second row, queue entry or container).
/// </summary>
public sealed class RunStarter(IGrainFactory grains, ILogger<RunStarter> logger)
{
    private static readonly TimeSpan[] Pauses = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1)];

    public async Task<RunInfo> StartAsync(RunRequest request)
    {
        var runId = RunStartKey.RunIdOf(request);
        var run = grains.GetGrain<IRunGrain>(runId);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await run.StartAsync(request);
            }
            catch (Exception e) when (attempt < Pauses.Length && IsPassing(e))
            {
                logger.LogWarning(e, "Starting run {RunId} met a passing cluster fault ({Fault}); trying again (attempt {Attempt})",
                    runId, e.GetType().Name, attempt + 2);
                await Task.Delay(Pauses[attempt]);
            }
        }
    }

    private static bool IsPassing(Exception e) =>
        e is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException;
}
