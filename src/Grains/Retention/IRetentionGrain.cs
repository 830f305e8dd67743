namespace Skriptoteket.Grains.Retention;

/// <summary>Removes expired artifacts and sandbox inputs on an Orleans reminder (key "retention").</summary>
[Alias("Skriptoteket.IRetentionGrain")]
public interface IRetentionGrain : IGrainWithStringKey
{
    const string Key = "retention";

    /// <summary>Registers the reminder (idempotent); called at every silo start.</summary>
    [Alias("EnsureScheduled")]
    Task EnsureScheduledAsync();

    /// <summary>One sweep now; returns how many run folders were removed.</summary>
    [Alias("Sweep")]
    Task<int> SweepAsync();
}
