using Microsoft.Extensions.Options;

namespace Skriptoteket.Grains.Identity;

/// <summary>
/// Kept in memory on purpose: a counter is short-lived and a storage row per guessed email would let an
/// attacker fill the database. While locked, the activation is kept alive for the whole lock.
/// </summary>
internal sealed class LoginThrottleGrain(IOptions<IdentityOptions> options, TimeProvider time) : Grain, ILoginThrottleGrain
{
    private readonly LoginThrottleState state = new();
    private LoginThrottlePolicy? policy;

    private LoginThrottlePolicy Policy => policy ??= LoginThrottlePolicy.ForKey(options.Value, this.GetPrimaryKeyString());

    public Task<bool> IsLockedAsync() => Task.FromResult(Policy.IsLocked(state, time.GetUtcNow()));

    public Task<bool> RecordFailureAsync()
    {
        var locked = Policy.RecordFailure(state, time.GetUtcNow());
        if (locked)
        {
            DelayDeactivation(Policy.Lockout);
        }
        return Task.FromResult(locked);
    }

    public Task ResetAsync()
    {
        Policy.Reset(state);
        return Task.CompletedTask;
    }
}
