using System.Net;

namespace Skriptoteket.Web.Tests;

/// <summary>Sessions die on logout, deactivation, role change and at their absolute lifetime; every audited action leaves one row.</summary>
public sealed class IdentitySessionTests(IdentityHostFixture fixture) : IClassFixture<IdentityHostFixture>
{
    [Fact]
    public async Task A_session_in_use_all_day_still_ends_at_its_absolute_lifetime()
    {
        using var user = await fixture.LoginAsNewAsync("user");
        await user.GetAsync("api/v1/me").ExpectAsync(HttpStatusCode.OK);
        var expiresAt = await fixture.Database.ScalarAsync<DateTime>($"SELECT expires_at FROM sessions WHERE user_id = '{user.Id}'");
        var createdAt = await fixture.Database.ScalarAsync<DateTime>($"SELECT created_at FROM sessions WHERE user_id = '{user.Id}'");
        Assert.True(expiresAt - createdAt <= TimeSpan.FromHours(10), $"sliding expiry {expiresAt} passes the 10 h lifetime from {createdAt}");

        // Logged in 10 h ago and active a minute ago: the sliding expiry alone would keep it alive.
        await fixture.Database.ScalarAsync<int>(
            $"UPDATE sessions SET created_at = now() - interval '10 hours 1 minute', last_seen_at = now() - interval '1 minute', " +
            $"expires_at = now() + interval '7 hours' WHERE user_id = '{user.Id}' RETURNING 1");

        await user.GetAsync("api/v1/me").ExpectAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
    }

    [Fact]
    public async Task Logout_ends_the_session_for_good()
    {
        using var user = await fixture.LoginAsNewAsync("user");
        var sessionId = user.SessionCookie!;

        await user.PostAsync("api/v1/auth/logout").ExpectAsync(HttpStatusCode.NoContent);

        using var replay = ApiUser.WithSession(fixture.BaseAddress, sessionId);
        await replay.GetAsync("api/v1/me").ExpectAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
        Assert.True(await fixture.Database.ScalarAsync<bool>(
            $"SELECT revoked FROM sessions WHERE user_id = '{user.Id}'"));
    }

    [Fact]
    public async Task Deactivation_ends_every_session_of_the_user_and_blocks_new_logins()
    {
        var (id, email) = await fixture.CreateUserAsync("contributor");
        using var first = await ApiUser.LoginAsync(fixture.BaseAddress, email, IdentityHostFixture.Password);
        using var second = await ApiUser.LoginAsync(fixture.BaseAddress, email, IdentityHostFixture.Password);
        using var root = await fixture.SuperuserAsync();

        await root.PostAsync($"api/v1/users/{id}/deactivate").ExpectAsync(HttpStatusCode.OK);

        await first.GetAsync("api/v1/me").ExpectAsync(HttpStatusCode.Unauthorized);
        await second.GetAsync("api/v1/me").ExpectAsync(HttpStatusCode.Unauthorized);
        using var again = ApiUser.Anonymous(fixture.BaseAddress);
        await again.PostAsync("api/v1/auth/login", new { email, password = IdentityHostFixture.Password })
            .ExpectAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");

        await root.PostAsync($"api/v1/users/{id}/reactivate").ExpectAsync(HttpStatusCode.OK);
        using var back = await ApiUser.LoginAsync(fixture.BaseAddress, email, IdentityHostFixture.Password);
        await back.GetAsync("api/v1/me").ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_role_change_ends_the_users_sessions_and_the_next_login_carries_the_new_role()
    {
        var (id, email) = await fixture.CreateUserAsync("user");
        using var before = await ApiUser.LoginAsync(fixture.BaseAddress, email, IdentityHostFixture.Password);
        using var root = await fixture.SuperuserAsync();

        await root.PutAsync($"api/v1/users/{id}/role", new { role = "contributor" }).ExpectAsync(HttpStatusCode.OK);

        await before.GetAsync("api/v1/me").ExpectAsync(HttpStatusCode.Unauthorized);
        using var after = await ApiUser.LoginAsync(fixture.BaseAddress, email, IdentityHostFixture.Password);
        Assert.Equal("contributor", after.Role);
    }

    [Fact]
    public async Task Every_audited_action_leaves_exactly_one_audit_row()
    {
        using var admin = await fixture.LoginAsNewAsync("admin");
        using var root = await fixture.SuperuserAsync();
        var email = $"granskad-{Guid.NewGuid():N}@skola.test";

        var created = await admin.PostAsync("api/v1/users", new { email, displayName = "Granskad", password = IdentityHostFixture.Password, role = "user" })
            .ExpectAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid().ToString();
        await admin.PutAsync($"api/v1/users/{id}/role", new { role = "contributor" }).ExpectAsync(HttpStatusCode.OK);
        await admin.PostAsync($"api/v1/users/{id}/deactivate").ExpectAsync(HttpStatusCode.OK);
        await admin.PostAsync($"api/v1/users/{id}/reactivate").ExpectAsync(HttpStatusCode.OK);
        using (var anonymous = ApiUser.Anonymous(fixture.BaseAddress))
        {
            await anonymous.PostAsync("api/v1/auth/login", new { email, password = "fel-lösenord-helt-klart" })
                .ExpectAsync(HttpStatusCode.Unauthorized);
        }
        using (var person = await ApiUser.LoginAsync(fixture.BaseAddress, email, IdentityHostFixture.Password))
        {
            await person.PostAsync("api/v1/auth/logout").ExpectAsync(HttpStatusCode.NoContent);
        }
        var nomination = await admin.PostAsync("api/v1/nominations", new { userId = id, rationale = "Driver digitaliseringen" })
            .ExpectAsync(HttpStatusCode.Created);
        var nominationId = nomination.GetProperty("id").GetGuid().ToString();
        await root.PostAsync($"api/v1/nominations/{nominationId}/approve").ExpectAsync(HttpStatusCode.OK);

        foreach (var action in new[] { "user.created", "user.role_changed", "user.deactivated", "user.reactivated", "login.failed", "login.succeeded", "logout" })
        {
            Assert.True(1 == await fixture.CountAuditAsync(action, id), $"{action} should have exactly one row");
        }
        Assert.Equal(1, await fixture.CountAuditAsync("nomination.made", nominationId));
        Assert.Equal(1, await fixture.CountAuditAsync("nomination.approved", nominationId));
        var details = await fixture.Database.ScalarAsync<string>(
            $"SELECT string_agg(details::text, ' ') FROM audit_log WHERE target_id = '{id}' OR target_id = '{nominationId}'");
        Assert.DoesNotContain(IdentityHostFixture.Password, details);
        Assert.DoesNotContain("fel-lösenord", details);
    }
}
