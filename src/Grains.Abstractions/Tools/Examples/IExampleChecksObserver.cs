using Orleans.Concurrency;

namespace Skriptoteket.Grains.Abstractions.Tools.Examples;

/// <summary>Told when the example checks of a tool change (queued, finished, a result accepted).</summary>
[Alias("Skriptoteket.IExampleChecksObserver")]
public interface IExampleChecksObserver : IGrainObserver
{
    /// <summary>The checks against <paramref name="versionId"/> changed; read them again.</summary>
    /// <remarks>One-way: the examples grain never waits for a page (a slow browser cannot hold up the checks).</remarks>
    [Alias("ChecksChanged")]
    [OneWay]
    Task ChecksChangedAsync(Guid versionId);
}
