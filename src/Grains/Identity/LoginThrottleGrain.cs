using Microsoft.Extensions.Options;

namespace Skriptoteket.Grains.Identity;

/// <summary>
/// Kept in memory on purpose: a counter is short-lived and a storage row per guessed email would let an
/// attacker fill the database. While locked, the activation is kept alive for the whole lock.
/// </summary>
internal sealed class LoginThrottleGrain(IOptions<IdentityOptions> options, TimeProvider time) : Grain, ILoginThrottleGrain
{
    private readonly LoginThrottlePolicy policy = LoginThrottlePolicy.From(options.Value);
    private readonly LoginThrottleState state = new();

    public Task<bool> IsLockedAsync() => Task.FromResult(policy.IsLocked(state, time.GetUtcNow()));

    public Task<bool> RecordFailureAsync()
    {
        var locked = policy.RecordFailure(state, time.GetUtcNow());
        if (locked)
        {
            DelayDeactivation(policy.Lockout);
        }
        return Task.FromResult(locked);
    }

    public Task ResetAsync()
    {
        policy.Reset(state);
        return Task.CompletedTask;
    }
}
