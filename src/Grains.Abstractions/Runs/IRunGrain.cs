using Orleans.Concurrency;
using Skriptoteket.Grains.Abstractions.Identity;

namespace Skriptoteket.Grains.Abstractions.Runs;

/// <summary>One run (key: run id): queued → running → finished, supervised on a silo with Docker access.</summary>
[Alias("Skriptoteket.IRunGrain")]
public interface IRunGrain : IGrainWithGuidKey
{
    /// <summary>Checks who may run what, queues the run and answers at once; the container is supervised in the background.</summary>
    [Alias("Start")]
    Task<RunInfo> StartAsync(RunRequest request);

    /// <summary>
    /// The run as <paramref name="user"/> may see it; someone else's run is not found. Answered from the grain's
    /// memory even while another turn waits for its row write (the record moves on before the row does), so a
    /// poll never queues behind PostgreSQL.
    /// </summary>
    [Alias("Get"), AlwaysInterleave]
    Task<RunInfo> GetAsync(ActingUser user);

    /// <summary>
    /// The run as <see cref="GetAsync"/> answers it, once it has finished or after <paramref name="limit"/> (at most
    /// <see cref="RunWaits.LongestCall"/>, under the call timeout). Answered from memory the moment the record finishes,
    /// before its row is written, so a waiting client learns of the finish as early as a poll would, without polling.
    /// </summary>
    [Alias("WaitFinished"), AlwaysInterleave]
    Task<RunInfo> WaitFinishedAsync(ActingUser user, TimeSpan limit);

    /// <summary>One stored artifact of the run (see <see cref="GetAsync"/> for who may); gone after retention → not found.</summary>
    [Alias("GetArtifact")]
    Task<RunArtifactContent> GetArtifactAsync(ActingUser user, int artifactId);

    /// <summary>Cancels the run while queued or running (its requester or an admin).</summary>
    [Alias("Cancel")]
    Task<RunInfo> CancelAsync(ActingUser user);

    /// <summary>Subscribes an observer to state changes; re-subscribe periodically (the subscription expires).</summary>
    [Alias("Subscribe")]
    Task SubscribeAsync(ActingUser user, IRunObserver observer);

    /// <summary>Removes an observer.</summary>
    [Alias("Unsubscribe")]
    Task UnsubscribeAsync(IRunObserver observer);
}

/// <summary>How long one <see cref="IRunGrain.WaitFinishedAsync"/> call may wait.</summary>
public static class RunWaits
{
    /// <summary>Below Orleans' 30 s response timeout; a longer wait is several calls.</summary>
    public static readonly TimeSpan LongestCall = TimeSpan.FromSeconds(20);
}
