using System.Net;

namespace Skriptoteket.Web.Tests;

/// <summary>Text PostgreSQL cannot store never leaves a nomination half-made (issue 9: it blocked new nominations for good).</summary>
public sealed class IdentityHostileInputTests(IdentityHostFixture fixture) : IClassFixture<IdentityHostFixture>
{
    [Fact]
    public async Task A_NUL_in_a_nomination_rationale_is_refused_and_a_new_nomination_can_still_be_made()
    {
        var (nominee, _) = await fixture.CreateUserAsync("contributor");
        using var root = await fixture.SuperuserAsync();

        var refused = await root.PostAsync("api/v1/nominations", new { userId = nominee, rationale = "Bra\0" })
            .ExpectAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Contains("Motiveringen", refused.GetProperty("error").GetProperty("message").GetString());
        await root.PostAsync($"api/v1/users", new { email = "ny\0@skola.test", displayName = "N", password = IdentityHostFixture.Password })
            .ExpectAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");

        var made = await root.PostAsync("api/v1/nominations", new { userId = nominee, rationale = "Ansvarar för verktygen" })
            .ExpectAsync(HttpStatusCode.Created);
        var pending = await root.GetAsync("api/v1/nominations").ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(pending.EnumerateArray(), n => n.GetProperty("id").GetGuid() == made.GetProperty("id").GetGuid());
        await root.PostAsync($"api/v1/nominations/{made.GetProperty("id").GetGuid()}/deny", new { note = "Nej\u0001" })
            .ExpectAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        await root.PostAsync($"api/v1/nominations/{made.GetProperty("id").GetGuid()}/deny", new { note = "Inte nu" })
            .ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_login_with_NUL_in_the_email_is_refused_like_any_wrong_login()
    {
        using var client = ApiUser.Anonymous(fixture.BaseAddress);

        await client.PostAsync("api/v1/auth/login", new { email = "rektor\0@identity.test", password = "x" })
            .ExpectAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
    }
}
