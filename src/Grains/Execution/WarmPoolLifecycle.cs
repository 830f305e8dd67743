using Microsoft.Extensions.Options;

namespace Skriptoteket.Grains.Execution;

/// <summary>
/// Starts the warm pool once the silo is active and drains it when the silo stops. One stage after
/// <c>ServiceLifecycleStage.Active</c>: run recovery (at Active) removes every container labelled with this silo
/// first, so it never removes the fresh pool; on stop the pool is drained before the stages below go down.
/// </summary>
internal sealed class WarmPoolLifecycle(WarmContainerPool pool, IOptions<ExecutionOptions> options) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(WarmPoolLifecycle), ServiceLifecycleStage.Active + 1, StartAsync, StopAsync);

    private Task StartAsync(CancellationToken cancel)
    {
        if (options.Value.Enabled && options.Value.WarmPoolSize > 0)
        {
            pool.Start();
        }
        return Task.CompletedTask;
    }

    private Task StopAsync(CancellationToken cancel) => pool.DrainAsync();
}
