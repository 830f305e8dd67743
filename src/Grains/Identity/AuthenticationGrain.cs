using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Validation;
using Skriptoteket.Grains.Audit;

namespace Skriptoteket.Grains.Identity;

/// <summary>Stateless: every fact it needs is in PostgreSQL or in the per-key throttle grains.</summary>
[StatelessWorker]
internal sealed class AuthenticationGrain(
    UserStore users,
    SessionStore sessions,
    IAuditLog audit,
    IOptions<IdentityOptions> options,
    TimeProvider time) : Grain, IAuthenticationGrain
{
    private TimeSpan Idle => TimeSpan.FromMinutes(options.Value.SessionIdleMinutes);

    private TimeSpan Absolute => TimeSpan.FromMinutes(options.Value.SessionAbsoluteMinutes);

    public async Task<LoginResult> LoginAsync(LoginAttempt attempt)
    {
        // An address no account can have (NUL, control characters, too long) is refused like an unknown one;
        // scrubbed, it is still safe to key the throttle by and to write to the audit log.
        var typed = UserStore.NormalizeEmail(attempt.Email ?? "");
        var email = TextRules.IsStorable(typed) && typed.Length <= TextLimits.Email
            ? typed
            : TextRules.Scrub(typed[..Math.Min(typed.Length, TextLimits.Email)]);
        var throttles = new[]
        {
            GrainFactory.GetGrain<ILoginThrottleGrain>(LoginThrottlePolicy.AccountPrefix + email),
            GrainFactory.GetGrain<ILoginThrottleGrain>(LoginThrottlePolicy.AddressPrefix + (attempt.Address ?? "unknown")),
        };
        var locked = (await Task.WhenAll(throttles.Select(t => t.IsLockedAsync()))).Any(l => l);
        var user = email.Length == 0 || email != typed ? null : await users.FindByEmailAsync(email);
        // Always verify (against a decoy when there is no account) so every refusal takes the same time.
        var verified = PasswordRules.Verify(user?.PasswordHash, attempt.Password ?? "");

        if (locked || user is null || !user.IsActive || !verified)
        {
            if (!locked)
            {
                await Task.WhenAll(throttles.Select(t => t.RecordFailureAsync()));
            }
            await audit.AppendAsync(new AuditEntry(user?.Id, AuditActions.LoginFailed, "user", user?.Id.ToString(),
                new Dictionary<string, object?> { ["email"] = email, ["reason"] = locked ? "locked" : "credentials" },
                attempt.Address));
            return LoginResult.Refused;
        }

        await throttles[0].ResetAsync();
        var token = SessionStore.NewToken();
        var now = time.GetUtcNow();
        await sessions.CreateAsync(token, user.Id, attempt.Address, attempt.Device, now, now + (Idle < Absolute ? Idle : Absolute));
        await audit.AppendAsync(new AuditEntry(user.Id, AuditActions.LoginSucceeded, "user", user.Id.ToString(),
            null, attempt.Address));
        return new LoginResult(true, token, user.ToAuthenticated());
    }

    public Task<AuthenticatedUser?> AuthenticateAsync(string sessionToken) =>
        string.IsNullOrEmpty(sessionToken)
            ? Task.FromResult<AuthenticatedUser?>(null)
            : sessions.TouchAsync(SessionStore.Hash(sessionToken), time.GetUtcNow(), Idle, Absolute);

    public Task<AuthenticatedUser?> AuthenticateByHashAsync(string sessionHash) =>
        SessionStore.ParseHash(sessionHash) is { } hash
            ? sessions.TouchAsync(hash, time.GetUtcNow(), Idle, Absolute)
            : Task.FromResult<AuthenticatedUser?>(null);

    public async Task LogoutAsync(string sessionToken, string? address)
    {
        if (string.IsNullOrEmpty(sessionToken))
        {
            return;
        }
        var userId = await sessions.RevokeAsync(SessionStore.Hash(sessionToken), time.GetUtcNow());
        if (userId is { } id)
        {
            await audit.AppendAsync(new AuditEntry(id, AuditActions.Logout, "user", id.ToString(), null, address));
        }
    }
}
