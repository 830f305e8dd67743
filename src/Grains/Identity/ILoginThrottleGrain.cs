namespace Skriptoteket.Grains.Identity;

/// <summary>Failed-login counter of one key ("account:EMAIL" or "address:IP"), serialized per key.</summary>
[Alias("Skriptoteket.ILoginThrottleGrain")]
public interface ILoginThrottleGrain : IGrainWithStringKey
{
    /// <summary>True while logins for this key are locked.</summary>
    [Alias("IsLockedAsync")]
    Task<bool> IsLockedAsync();

    /// <summary>Counts a failed login; true when logins for this key are now locked.</summary>
    [Alias("RecordFailureAsync")]
    Task<bool> RecordFailureAsync();

    /// <summary>Forgets earlier failures (after a successful login).</summary>
    [Alias("ResetAsync")]
    Task ResetAsync();
}
