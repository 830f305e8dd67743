using Microsoft.Extensions.Time.Testing;
using Skriptoteket.Grains.Identity;

namespace Skriptoteket.Unit.Tests;

public sealed class LoginThrottlePolicyTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly LoginThrottlePolicy policy = LoginThrottlePolicy.From(new IdentityOptions());
    private readonly LoginThrottleState state = new();

    [Fact]
    public void Five_failures_within_fifteen_minutes_lock_for_fifteen_minutes()
    {
        for (var i = 0; i < 4; i++)
        {
            Assert.False(policy.RecordFailure(state, time.GetUtcNow()));
            time.Advance(TimeSpan.FromMinutes(3));
        }
        Assert.True(policy.RecordFailure(state, time.GetUtcNow()));

        time.Advance(TimeSpan.FromMinutes(14));
        Assert.True(policy.IsLocked(state, time.GetUtcNow()));
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.False(policy.IsLocked(state, time.GetUtcNow()));
        Assert.False(policy.RecordFailure(state, time.GetUtcNow()));
    }

    [Fact]
    public void An_address_locks_only_at_its_own_much_higher_threshold()
    {
        var options = new IdentityOptions();
        var address = LoginThrottlePolicy.ForKey(options, LoginThrottlePolicy.AddressPrefix + "10.0.0.1");
        var account = LoginThrottlePolicy.ForKey(options, LoginThrottlePolicy.AccountPrefix + "a@skola.test");
        var (byAddress, byAccount) = (new LoginThrottleState(), new LoginThrottleState());

        for (var i = 0; i < options.MaxFailedLoginsPerAddress - 1; i++)
        {
            Assert.False(address.RecordFailure(byAddress, time.GetUtcNow()));
        }
        Assert.True(address.RecordFailure(byAddress, time.GetUtcNow()));
        Assert.True(options.MaxFailedLoginsPerAddress >= 20 * options.MaxFailedLogins);
        for (var i = 0; i < options.MaxFailedLogins - 1; i++)
        {
            Assert.False(account.RecordFailure(byAccount, time.GetUtcNow()));
        }
        Assert.True(account.RecordFailure(byAccount, time.GetUtcNow()));
    }

    [Fact]
    public void Failures_older_than_the_window_do_not_count()
    {
        for (var i = 0; i < 4; i++)
        {
            policy.RecordFailure(state, time.GetUtcNow());
        }
        time.Advance(TimeSpan.FromMinutes(15));

        Assert.False(policy.RecordFailure(state, time.GetUtcNow()));
        Assert.False(policy.IsLocked(state, time.GetUtcNow()));
    }

    [Fact]
    public void A_reset_forgets_failures()
    {
        for (var i = 0; i < 4; i++)
        {
            policy.RecordFailure(state, time.GetUtcNow());
        }
        policy.Reset(state);

        Assert.False(policy.RecordFailure(state, time.GetUtcNow()));
    }

    [Fact]
    public void Attempts_while_locked_do_not_extend_the_lock()
    {
        for (var i = 0; i < 5; i++)
        {
            policy.RecordFailure(state, time.GetUtcNow());
        }
        time.Advance(TimeSpan.FromMinutes(10));
        Assert.True(policy.RecordFailure(state, time.GetUtcNow()));
        time.Advance(TimeSpan.FromMinutes(5));

        Assert.False(policy.IsLocked(state, time.GetUtcNow()));
    }
}
