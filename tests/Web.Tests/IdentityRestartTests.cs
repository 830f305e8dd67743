using System.Net;

namespace Skriptoteket.Web.Tests;

/// <summary>Sessions live in PostgreSQL, so a host restart keeps people signed in.</summary>
public sealed class IdentityRestartTests(IdentityHostFixture fixture) : IClassFixture<IdentityHostFixture>
{
    [Fact]
    public async Task A_session_survives_a_host_restart()
    {
        using var user = await fixture.LoginAsNewAsync("contributor");
        var sessionId = user.SessionCookie!;
        var csrf = user.CsrfToken;

        await fixture.Host.StopAsync();
        await fixture.Host.DisposeAsync();
        fixture.Replace(await fixture.StartHostAsync());

        using var resumed = ApiUser.WithSession(fixture.BaseAddress, sessionId);
        var me = await resumed.GetAsync("api/v1/me").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(user.Id, me.GetProperty("user").GetProperty("id").GetGuid());
        Assert.Equal(csrf, me.GetProperty("csrfToken").GetString());
    }
}
