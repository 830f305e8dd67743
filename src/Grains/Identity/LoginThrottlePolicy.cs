namespace Skriptoteket.Grains.Identity;

/// <summary>Locks logins for a while after too many failures within a sliding window.</summary>
public sealed class LoginThrottlePolicy(int maxFailures, TimeSpan window, TimeSpan lockout)
{
    public const string AccountPrefix = "account:";
    public const string AddressPrefix = "address:";

    public static LoginThrottlePolicy From(IdentityOptions options) => ForKey(options, AccountPrefix);

    /// <summary>The policy of one throttle key: per account the low threshold, per address the much higher one.</summary>
    public static LoginThrottlePolicy ForKey(IdentityOptions options, string key) => new(
        key.StartsWith(AddressPrefix, StringComparison.Ordinal) ? options.MaxFailedLoginsPerAddress : options.MaxFailedLogins,
        TimeSpan.FromMinutes(options.FailureWindowMinutes),
        TimeSpan.FromMinutes(options.LockoutMinutes));

    public TimeSpan Lockout => lockout;

    public bool IsLocked(LoginThrottleState state, DateTimeOffset now) => state.LockedUntil > now;

    /// <summary>Counts a failure; returns true when this failure (or an earlier one) locks logins now.</summary>
    public bool RecordFailure(LoginThrottleState state, DateTimeOffset now)
    {
        if (IsLocked(state, now))
        {
            return true;
        }
        state.LockedUntil = null;
        state.Failures.RemoveAll(t => t <= now - window);
        state.Failures.Add(now);
        if (state.Failures.Count < maxFailures)
        {
            return false;
        }
        state.LockedUntil = now + lockout;
        state.Failures.Clear();
        return true;
    }

    public void Reset(LoginThrottleState state)
    {
        state.Failures.Clear();
        state.LockedUntil = null;
    }
}
