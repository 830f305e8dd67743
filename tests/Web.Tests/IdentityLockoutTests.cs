using System.Diagnostics;
using System.Net;

namespace Skriptoteket.Web.Tests;

/// <summary>
/// Failed logins lock the account and the client address; refusals look and take the same whether or not
/// the account exists. Own host: the address lock would otherwise refuse other tests' logins from 127.0.0.1.
/// </summary>
public sealed class IdentityLockoutTests(IdentityHostFixture fixture) : IClassFixture<IdentityHostFixture>
{
    [Fact]
    public async Task Five_failures_lock_logins_without_revealing_whether_the_account_exists()
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

        // The address is locked too: another, valid account from the same address is refused alike.
        var sameAddress = await AttemptAsync(client, IdentityHostFixture.SuperuserEmail, IdentityHostFixture.SuperuserPassword);
        Assert.Equal(unknown.Body, sameAddress.Body);
        Assert.True(await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM audit_log WHERE action = 'login.failed' AND details->>'reason' = 'locked'") >= 2);
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
