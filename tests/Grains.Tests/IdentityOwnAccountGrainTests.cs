using Skriptoteket.Grains.Abstractions.Errors;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Identity;

namespace Skriptoteket.Grains.Tests;

/// <summary>"Mitt konto" (issue 22): a person's own profile, password and sessions, and an admin's new password for someone.</summary>
[Collection(ClusterCollection.Name)]
public sealed class IdentityOwnAccountGrainTests(ClusterFixture fixture)
{
    private const string NewPassword = "Ett-helt-nytt-lösenord-7";

    private IAuthenticationGrain Auth => fixture.Grains.GetGrain<IAuthenticationGrain>(0);

    private IUserAccountGrain Account(ActingUser user) => fixture.Grains.GetGrain<IUserAccountGrain>(user.UserId);

    [Fact]
    public async Task The_owner_changes_name_and_language_and_the_next_login_carries_the_language()
    {
        var me = await IdentityTestUsers.InsertAsync(fixture, Role.User);

        var changed = await Account(me).UpdateProfileAsync(me, new ProfileChange("  Nytt Namn ", "en"));
        var login = await LoginAsync(me, IdentityTestUsers.Password);

        Assert.Equal(("Nytt Namn", "en"), (changed.DisplayName, changed.PreferredLanguage));
        Assert.Equal("en", await fixture.Database.ScalarAsync<string>($"SELECT preferred_language FROM users WHERE id = '{me.UserId}'"));
        Assert.Equal("en", login.User!.PreferredLanguage);
        Assert.Equal("Nytt Namn", login.User.DisplayName);
        // Only the language: the name stays.
        Assert.Equal("Nytt Namn", (await Account(me).UpdateProfileAsync(me, new ProfileChange(null, "sv"))).DisplayName);
    }

    [Fact]
    public async Task Nobody_else_changes_a_profile_and_only_the_interface_languages_are_accepted()
    {
        var me = await IdentityTestUsers.InsertAsync(fixture, Role.User);
        var admin = await IdentityTestUsers.InsertAsync(fixture, Role.Superuser);
        var stranger = await IdentityTestUsers.InsertAsync(fixture, Role.Contributor);

        var byAdmin = await Assert.ThrowsAsync<DomainException>(() => Account(me).UpdateProfileAsync(admin, new ProfileChange("X", null)));
        var byStranger = await Assert.ThrowsAsync<DomainException>(() => Account(me).UpdateProfileAsync(stranger, new ProfileChange("X", null)));
        var badLanguage = await Assert.ThrowsAsync<DomainException>(() => Account(me).UpdateProfileAsync(me, new ProfileChange(null, "de")));
        var emptyName = await Assert.ThrowsAsync<DomainException>(() => Account(me).UpdateProfileAsync(me, new ProfileChange(" ", null)));

        Assert.Equal((ErrorCode.Forbidden, "Account.OwnerOnly"), (byAdmin.Code, byAdmin.Key));
        Assert.Equal(ErrorCode.NotFound, byStranger.Code);
        Assert.Equal((ErrorCode.Validation, "Account.Language"), (badLanguage.Code, badLanguage.Key));
        Assert.Equal(ErrorCode.Validation, emptyName.Code);
        Assert.Equal("Test User", await fixture.Database.ScalarAsync<string>($"SELECT display_name FROM users WHERE id = '{me.UserId}'"));
    }

    [Fact]
    public async Task Changing_the_password_keeps_this_session_ends_the_others_and_is_audited_without_secrets()
    {
        var me = await IdentityTestUsers.InsertAsync(fixture, Role.Contributor);
        var here = await LoginAsync(me, IdentityTestUsers.Password);
        var elsewhere = await LoginAsync(me, IdentityTestUsers.Password);

        await Account(me).ChangePasswordAsync(me, new PasswordChange(IdentityTestUsers.Password, NewPassword, HashOf(here)));

        Assert.NotNull(await Auth.AuthenticateAsync(here.SessionToken!));
        Assert.Null(await Auth.AuthenticateAsync(elsewhere.SessionToken!));
        Assert.False((await Auth.LoginAsync(new LoginAttempt(await EmailOfAsync(me), IdentityTestUsers.Password, Address()))).Succeeded);
        Assert.True((await LoginAsync(me, NewPassword)).Succeeded);
        var details = await fixture.Database.ScalarAsync<string>(
            $"SELECT string_agg(details::text, ',') FROM audit_log WHERE action = 'user.password_changed' AND target_id = '{me.UserId}'");
        Assert.Equal("{}", details);
    }

    [Fact]
    public async Task A_wrong_current_password_is_refused_counts_against_the_login_throttle_and_is_audited()
    {
        var me = await IdentityTestUsers.InsertAsync(fixture, Role.User);
        var here = await LoginAsync(me, IdentityTestUsers.Password);
        var wrong = new PasswordChange("inte-mitt-lösenord-1", NewPassword, HashOf(here));

        var first = await Assert.ThrowsAsync<DomainException>(() => Account(me).ChangePasswordAsync(me, wrong));
        for (var i = 1; i < new IdentityOptions().MaxFailedLogins; i++)
        {
            await Assert.ThrowsAsync<DomainException>(() => Account(me).ChangePasswordAsync(me, wrong));
        }
        var locked = await Assert.ThrowsAsync<DomainException>(() =>
            Account(me).ChangePasswordAsync(me, wrong with { CurrentPassword = IdentityTestUsers.Password }));

        Assert.Equal((ErrorCode.Validation, "Account.WrongCurrentPassword"), (first.Code, first.Key));
        Assert.Equal((ErrorCode.Forbidden, "Account.PasswordLocked"), (locked.Code, locked.Key));
        Assert.False((await Auth.LoginAsync(new LoginAttempt(await EmailOfAsync(me), IdentityTestUsers.Password, Address()))).Succeeded);
        Assert.NotNull(await Auth.AuthenticateAsync(here.SessionToken!));
        // Every refusal leaves a trace, by reason: the wrong guesses, then the one refused while locked.
        var reasons = await fixture.Database.ScalarAsync<string>(
            $"SELECT string_agg(details->>'reason', ',' ORDER BY id) FROM audit_log WHERE action = 'user.password_change_failed' AND target_id = '{me.UserId}'");
        Assert.Equal(string.Join(',', Enumerable.Repeat("credentials", new IdentityOptions().MaxFailedLogins).Append("locked")), reasons);
    }

    [Fact]
    public async Task A_new_password_follows_the_strength_rule()
    {
        var me = await IdentityTestUsers.InsertAsync(fixture, Role.User);
        var here = await LoginAsync(me, IdentityTestUsers.Password);

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            Account(me).ChangePasswordAsync(me, new PasswordChange(IdentityTestUsers.Password, "kort", HashOf(here))));

        Assert.Equal((ErrorCode.Validation, "Password.TooShort"), (error.Code, error.Key));
        Assert.True((await LoginAsync(me, IdentityTestUsers.Password)).Succeeded);
    }

    [Theory]
    [InlineData(Role.User, Role.User, false)]
    [InlineData(Role.Contributor, Role.User, false)]
    [InlineData(Role.Admin, Role.User, true)]
    [InlineData(Role.Admin, Role.Contributor, true)]
    [InlineData(Role.Admin, Role.Admin, false)]
    [InlineData(Role.Superuser, Role.Admin, true)]
    [InlineData(Role.Superuser, Role.Superuser, false)]
    public async Task An_admins_new_password_follows_the_role_rule_ends_every_session_and_must_be_changed(Role actorRole, Role targetRole, bool allowed)
    {
        var actor = await IdentityTestUsers.InsertAsync(fixture, actorRole);
        var target = await IdentityTestUsers.InsertAsync(fixture, targetRole);
        var session = await LoginAsync(target, IdentityTestUsers.Password);

        var call = () => Account(target).SetPasswordAsync(actor, NewPassword);

        if (!allowed)
        {
            Assert.Equal(ErrorCode.Forbidden, (await Assert.ThrowsAsync<DomainException>(call)).Code);
            Assert.NotNull(await Auth.AuthenticateAsync(session.SessionToken!));
            return;
        }
        Assert.True((await call()).MustChangePassword);
        Assert.Null(await Auth.AuthenticateAsync(session.SessionToken!));
        var next = await LoginAsync(target, NewPassword);
        Assert.True(next.User!.MustChangePassword);
        Assert.True((await Auth.AuthenticateAsync(next.SessionToken!))!.MustChangePassword);
        Assert.Equal(1, await fixture.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_log WHERE action = 'user.password_reset' AND target_id = '{target.UserId}' AND actor_id = '{actor.UserId}'"));

        await Account(target).ChangePasswordAsync(target, new PasswordChange(NewPassword, IdentityTestUsers.Password, HashOf(next)));
        Assert.False((await Auth.AuthenticateAsync(next.SessionToken!))!.MustChangePassword);
    }

    [Fact]
    public async Task An_admin_cannot_set_their_own_password_through_the_admin_route()
    {
        var admin = await IdentityTestUsers.InsertAsync(fixture, Role.Admin);

        var error = await Assert.ThrowsAsync<DomainException>(() => Account(admin).SetPasswordAsync(admin, NewPassword));

        Assert.Equal(ErrorCode.Forbidden, error.Code);
    }

    [Fact]
    public async Task A_person_sees_and_ends_only_their_own_sessions()
    {
        var me = await IdentityTestUsers.InsertAsync(fixture, Role.User);
        var other = await IdentityTestUsers.InsertAsync(fixture, Role.User);
        var here = await LoginAsync(me, IdentityTestUsers.Password, "Firefox|Linux");
        var phone = await LoginAsync(me, IdentityTestUsers.Password, "Safari|iOS");
        var third = await LoginAsync(me, IdentityTestUsers.Password);
        var theirs = await LoginAsync(other, IdentityTestUsers.Password);
        var theirId = (await Account(other).ListSessionsAsync(other, HashOf(theirs))).Single().Id;

        var listed = await Account(me).ListSessionsAsync(me, HashOf(here));
        var phoneId = listed.Single(s => s.Os == "iOS").Id;
        await Account(me).EndSessionAsync(me, phoneId);
        var notMine = await Assert.ThrowsAsync<DomainException>(() => Account(me).EndSessionAsync(me, theirId));
        var peek = await Assert.ThrowsAsync<DomainException>(() => Account(other).ListSessionsAsync(me, HashOf(here)));
        var again = await Assert.ThrowsAsync<DomainException>(() => Account(me).EndSessionAsync(me, phoneId));

        Assert.Equal(3, listed.Count);
        Assert.Equal(("Firefox", "Linux"), listed.Single(s => s.IsCurrent) is var current ? (current.Browser, current.Os) : default);
        Assert.Contains(listed, s => s.Browser is null && s.Os is null && !s.IsCurrent);
        Assert.Null(await Auth.AuthenticateAsync(phone.SessionToken!));
        Assert.Equal(ErrorCode.NotFound, notMine.Code);
        Assert.Equal(ErrorCode.NotFound, peek.Code);
        Assert.Equal(ErrorCode.NotFound, again.Code);
        Assert.NotNull(await Auth.AuthenticateAsync(theirs.SessionToken!));

        Assert.Equal(1, await Account(me).EndOtherSessionsAsync(me, HashOf(here)));
        Assert.Null(await Auth.AuthenticateAsync(third.SessionToken!));
        Assert.NotNull(await Auth.AuthenticateAsync(here.SessionToken!));
        Assert.Single(await Account(me).ListSessionsAsync(me, HashOf(here)));
    }

    [Fact]
    public async Task A_deactivated_accounts_sessions_end_at_once()
    {
        var admin = await IdentityTestUsers.InsertAsync(fixture, Role.Admin);
        var me = await IdentityTestUsers.InsertAsync(fixture, Role.User);
        var session = await LoginAsync(me, IdentityTestUsers.Password);

        await Account(me).DeactivateAsync(admin);

        Assert.Null(await Auth.AuthenticateAsync(session.SessionToken!));
        Assert.Null(await Auth.AuthenticateByHashAsync(HashOf(session)));
        Assert.Equal(0, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM sessions WHERE user_id = '{me.UserId}' AND NOT revoked"));
    }

    private async Task<LoginResult> LoginAsync(ActingUser user, string password, string? device = null)
    {
        var result = await Auth.LoginAsync(new LoginAttempt(await EmailOfAsync(user), password, Address()) { Device = device });
        return result;
    }

    private static string HashOf(LoginResult login) => Convert.ToHexStringLower(SessionStore.Hash(login.SessionToken!));

    private static string Address() => $"10.22.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}-{Guid.NewGuid():N}";

    private Task<string> EmailOfAsync(ActingUser user) =>
        fixture.Database.ScalarAsync<string>($"SELECT email FROM users WHERE id = '{user.UserId}'");
}
