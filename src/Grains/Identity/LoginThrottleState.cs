namespace Skriptoteket.Grains.Identity;

/// <summary>Recent failed logins of one account or one client address, and the lock they caused.</summary>
public sealed class LoginThrottleState
{
    public List<DateTimeOffset> Failures { get; } = [];

    public DateTimeOffset? LockedUntil { get; set; }
}
