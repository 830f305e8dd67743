namespace Skriptoteket.Grains.Retention;

/// <summary>Makes sure the retention reminder exists once the silo is active.</summary>
internal sealed class RetentionScheduler(IGrainFactory grains) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(RetentionScheduler), ServiceLifecycleStage.Active,
            _ => grains.GetGrain<IRetentionGrain>(IRetentionGrain.Key).EnsureScheduledAsync());
}
