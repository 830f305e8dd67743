using System.Diagnostics;
using System.Net;

namespace Skriptoteket.Web.Tests;

/// <summary>
/// Five failed logins lock that account; the client address has its own, much higher threshold, so a school
/// behind one address is not locked by a few typos. Refusals look and take the same whether or not the account
/// exists. Own host: failures from 127.0.0.1 would otherwise count against other tests' logins.
/// </summary>
public sealed class IdentityLockoutTests(IdentityHostFixture fixture) : IClassFixture<IdentityHostFixture>
{
    [Fact]
    public async Task Five_failures_lock_that_account_only_without_revealing_whether_it_exists()
    {
        var (_, victim) = await fixture.CreateUserAsync("user");
        using var client = ApiUser.Anonymous(fixture.BaseAddress);

        var unknown = await AttemptAsync(client, $"finns-inte-{Guid.NewGuid():N}@skola.test", "vad-som-helst-123");
        var unknownAgain = await AttemptAsync(client, $"finns-inte-{Guid.NewGuid():N}@skola.test", "vad-som-helst-123");
        var wrong = await AttemptAsync(client, victim, "fel-lösenord-123456");
        var wrongAgain = await AttemptAsync(client, victim, "fel-lösenord-123456");
        Assert.All([unknown, unknownAgain, wrong, wrongAgain], a => Assert.Equal(unknown.Body, a.Body));
        Assert.All([unknown, unknownAgain, wrong, wrongAgain], a => Assert.Equal(HttpStatusCode.Unauthorized, a.Status));
        // An unknown account still pays for a full password check (a decoy hash), so it is not visibly faster.
        var unknownTime = Math.Min(unknown.Elapsed.TotalMilliseconds, unknownAgain.Elapsed.TotalMilliseconds);
        var wrongTime = Math.Min(wrong.Elapsed.TotalMilliseconds, wrongAgain.Elapsed.TotalMilliseconds);
        Assert.True(unknownTime > wrongTime * 0.5, $"unknown {unknownTime} ms vs wrong password {wrongTime} ms");

        for (var i = 0; i < 3; i++)
        {
            await AttemptAsync(client, victim, "fel-lösenord-123456");
        }
        var locked = await AttemptAsync(client, victim, IdentityHostFixture.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, locked.Status);
        Assert.Equal(unknown.Body, locked.Body);
        Assert.Null(client.SessionCookie);

        // Only that account is locked: another account from the same address still logs in.
        var (_, colleague) = await fixture.CreateUserAsync("user");
        var sameAddress = await AttemptAsync(client, colleague, IdentityHostFixture.Password);
        Assert.Equal(HttpStatusCode.OK, sameAddress.Status);
        Assert.True(await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM audit_log WHERE action = 'login.failed' AND details->>'reason' = 'locked'") >= 1);
    }

    private static async Task<Attempt> AttemptAsync(ApiUser client, string email, string password)
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.Http.PostAsync("api/v1/auth/login",
            System.Net.Http.Json.JsonContent.Create(new { email, password }));
        var body = await response.Content.ReadAsStringAsync();
        return new Attempt(response.StatusCode, body, watch.Elapsed);
    }

    private sealed record Attempt(HttpStatusCode Status, string Body, TimeSpan Elapsed);
}
