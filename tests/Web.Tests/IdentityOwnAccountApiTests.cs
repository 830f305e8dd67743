using System.Net;

namespace Skriptoteket.Web.Tests;

/// <summary>"Mitt konto" over real HTTP (issue 22): own profile, language, password and sessions; an admin's new password.</summary>
public sealed class IdentityOwnAccountApiTests(IdentityHostFixture fixture) : IClassFixture<IdentityHostFixture>
{
    private const string NewPassword = "Ett-helt-nytt-lösenord-7";
    private const string Chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";
    private const string IPhone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

    [Fact]
    public async Task The_chosen_language_is_saved_on_the_account_and_set_at_the_next_login()
    {
        var (id, email) = await fixture.CreateUserAsync("user");
        using var first = await ApiUser.LoginAsync(fixture.BaseAddress, email, IdentityHostFixture.Password);

        var saved = await first.PutAsync("api/v1/me", new { displayName = "Lärare Ett", language = "en" }).ExpectAsync(HttpStatusCode.OK);
        await first.PutAsync("api/v1/me", new { language = "de" }).ExpectAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        using var elsewhere = await ApiUser.LoginAsync(fixture.BaseAddress, email, IdentityHostFixture.Password);

        Assert.Equal(("Lärare Ett", "en"), (saved.GetProperty("displayName").GetString(), saved.GetProperty("preferredLanguage").GetString()));
        Assert.Equal("c=en|uic=en", CultureCookie(elsewhere));
        // The language switch while signed in saves the choice too.
        using var switched = await first.GetAsync("culture?culture=sv&redirectUri=%2F");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("sv", await fixture.Database.ScalarAsync<string>($"SELECT preferred_language FROM users WHERE id = '{id}'"));
    }

    [Fact]
    public async Task A_password_change_needs_the_current_password_keeps_this_session_and_ends_the_others()
    {
        var (id, email) = await fixture.CreateUserAsync("contributor");
        using var here = await ApiUser.LoginAsync(fixture.BaseAddress, email, IdentityHostFixture.Password);
        using var other = await ApiUser.LoginAsync(fixture.BaseAddress, email, IdentityHostFixture.Password);

        var wrong = await here.PostAsync("api/v1/me/password", new { currentPassword = "inte-rätt-lösenord", newPassword = NewPassword })
            .ExpectAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        var tooShort = await here.PostAsync("api/v1/me/password", new { currentPassword = IdentityHostFixture.Password, newPassword = "kort" })
            .ExpectAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        await here.SendAsync(HttpMethod.Post, "api/v1/me/password", new { currentPassword = IdentityHostFixture.Password, newPassword = NewPassword }, withCsrf: false)
            .ExpectAsync(HttpStatusCode.Forbidden, "CSRF_TOKEN_INVALID");
        await other.GetAsync("api/v1/me").ExpectAsync(HttpStatusCode.OK);
        await here.PostAsync("api/v1/me/password", new { currentPassword = IdentityHostFixture.Password, newPassword = NewPassword })
            .ExpectAsync(HttpStatusCode.NoContent);

        Assert.Equal("Det nuvarande lösenordet stämmer inte.", wrong.GetProperty("error").GetProperty("message").GetString());
        Assert.Contains("minst 12 tecken", tooShort.GetProperty("error").GetProperty("message").GetString());
        await here.GetAsync("api/v1/me").ExpectAsync(HttpStatusCode.OK);
        await other.GetAsync("api/v1/me").ExpectAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
        using var withNew = await ApiUser.LoginAsync(fixture.BaseAddress, email, NewPassword);
        Assert.Equal(1, await fixture.CountAuditAsync("user.password_changed", id.ToString()));
        Assert.Equal("{}", await fixture.Database.ScalarAsync<string>(
            $"SELECT details::text FROM audit_log WHERE action = 'user.password_changed' AND target_id = '{id}'"));
    }

    [Fact]
    public async Task A_person_lists_and_ends_only_their_own_sessions()
    {
        var (_, email) = await fixture.CreateUserAsync("user");
        using var laptop = await ApiUser.LoginAsync(fixture.BaseAddress, email, IdentityHostFixture.Password, Chrome);
        using var phone = await ApiUser.LoginAsync(fixture.BaseAddress, email, IdentityHostFixture.Password, IPhone);
        using var third = await ApiUser.LoginAsync(fixture.BaseAddress, email, IdentityHostFixture.Password);
        using var stranger = await fixture.LoginAsNewAsync("admin");

        var sessions = (await laptop.GetAsync("api/v1/me/sessions").ExpectAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        var current = sessions.Single(s => s.GetProperty("current").GetBoolean());
        var phoneId = sessions.Single(s => s.GetProperty("os").GetString() == "iOS").GetProperty("id").GetGuid();
        await stranger.DeleteAsync($"api/v1/me/sessions/{phoneId}").ExpectAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await phone.GetAsync("api/v1/me").ExpectAsync(HttpStatusCode.OK);
        await laptop.DeleteAsync($"api/v1/me/sessions/{phoneId}").ExpectAsync(HttpStatusCode.NoContent);
        await laptop.DeleteAsync($"api/v1/me/sessions/{phoneId}").ExpectAsync(HttpStatusCode.NotFound, "NOT_FOUND");

        Assert.Equal(3, sessions.Count);
        Assert.Equal(("Chrome", "Windows"), (current.GetProperty("browser").GetString(), current.GetProperty("os").GetString()));
        Assert.Equal("Safari", sessions.Single(s => s.GetProperty("os").GetString() == "iOS").GetProperty("browser").GetString());
        await phone.GetAsync("api/v1/me").ExpectAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
        var ended = await laptop.PostAsync("api/v1/me/sessions/end-others").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, ended.GetProperty("ended").GetInt32());
        await third.GetAsync("api/v1/me").ExpectAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
        Assert.Single((await laptop.GetAsync("api/v1/me/sessions").ExpectAsync(HttpStatusCode.OK)).EnumerateArray());
        // The stranger's own list never shows the other person's sessions.
        Assert.Single((await stranger.GetAsync("api/v1/me/sessions").ExpectAsync(HttpStatusCode.OK)).EnumerateArray());
    }

    [Fact]
    public async Task After_an_admin_sets_a_password_the_person_can_only_change_it_or_log_out()
    {
        var (id, email) = await fixture.CreateUserAsync("contributor");
        using var before = await ApiUser.LoginAsync(fixture.BaseAddress, email, IdentityHostFixture.Password);
        using var admin = await fixture.LoginAsNewAsync("admin");

        var set = await admin.PostAsync($"api/v1/users/{id}/password", new { password = NewPassword }).ExpectAsync(HttpStatusCode.OK);
        await before.GetAsync("api/v1/me").ExpectAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
        using var person = await ApiUser.LoginAsync(fixture.BaseAddress, email, NewPassword);

        Assert.True(set.GetProperty("mustChangePassword").GetBoolean());
        Assert.Equal(1, await fixture.CountAuditAsync("user.password_reset", id.ToString()));
        var me = await person.GetAsync("api/v1/me").ExpectAsync(HttpStatusCode.OK);
        Assert.True(me.GetProperty("user").GetProperty("mustChangePassword").GetBoolean());
        await person.GetAsync("api/v1/my-runs").ExpectAsync(HttpStatusCode.Forbidden, "PASSWORD_CHANGE_REQUIRED");
        await person.GetAsync("api/v1/me/sessions").ExpectAsync(HttpStatusCode.Forbidden, "PASSWORD_CHANGE_REQUIRED");
        await person.PutAsync("api/v1/me", new { language = "en" }).ExpectAsync(HttpStatusCode.Forbidden, "PASSWORD_CHANGE_REQUIRED");
        using (var page = await person.GetAsync("my-runs"))
        {
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.EndsWith("/account/password", page.Headers.Location!.OriginalString);
        }
        using (var changePage = await person.GetAsync("account/password"))
        {
            Assert.Equal(HttpStatusCode.OK, changePage.StatusCode);
        }

        await person.PostAsync("api/v1/me/password", new { currentPassword = NewPassword, newPassword = IdentityHostFixture.Password })
            .ExpectAsync(HttpStatusCode.NoContent);

        await person.GetAsync("api/v1/my-runs").ExpectAsync(HttpStatusCode.OK);
        using var myRuns = await person.GetAsync("my-runs");
        Assert.Equal(HttpStatusCode.OK, myRuns.StatusCode);
        Assert.False((await person.GetAsync("api/v1/me").ExpectAsync(HttpStatusCode.OK)).GetProperty("user").GetProperty("mustChangePassword").GetBoolean());
        await person.PostAsync("api/v1/auth/logout").ExpectAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Nobody_sets_their_own_or_a_higher_roles_password_through_the_admin_route()
    {
        using var admin = await fixture.LoginAsNewAsync("admin");
        var (otherAdmin, _) = await fixture.CreateUserAsync("admin");
        using var root = await fixture.SuperuserAsync();

        await admin.PostAsync($"api/v1/users/{admin.Id}/password", new { password = NewPassword }).ExpectAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await admin.PostAsync($"api/v1/users/{otherAdmin}/password", new { password = NewPassword }).ExpectAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await admin.PostAsync($"api/v1/users/{root.Id}/password", new { password = NewPassword }).ExpectAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await root.PostAsync($"api/v1/users/{otherAdmin}/password", new { password = "kort" }).ExpectAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        await root.PostAsync($"api/v1/users/{Guid.NewGuid()}/password", new { password = NewPassword }).ExpectAsync(HttpStatusCode.NotFound, "NOT_FOUND");

        await admin.GetAsync("api/v1/me").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(0, await fixture.CountAuditAsync("user.password_reset", otherAdmin.ToString()));
    }

    private string? CultureCookie(ApiUser user) =>
        user.Cookies.GetCookies(fixture.BaseAddress)[".AspNetCore.Culture"] is { } cookie ? Uri.UnescapeDataString(cookie.Value) : null;
}
