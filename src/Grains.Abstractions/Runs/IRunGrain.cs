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
