using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Identity;

namespace Skriptoteket.Grains.Tests;

/// <summary>Logins, sessions and throttling per account and per address (each test uses its own addresses).</summary>
[Collection(ClusterCollection.Name)]
public sealed class IdentityAuthenticationGrainTests(ClusterFixture fixture)
{
    private IAuthenticationGrain Auth => fixture.Grains.GetGrain<IAuthenticationGrain>(0);

    private static string NewAddress() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}-{Guid.NewGuid():N}";

    [Fact]
    public async Task A_login_opens_a_session_that_logout_ends()
    {
        var user = await IdentityTestUsers.InsertAsync(fixture, Role.Contributor);
        var email = await EmailOfAsync(user);

        var result = await Auth.LoginAsync(new LoginAttempt(email.ToUpperInvariant(), IdentityTestUsers.Password, NewAddress()));
        var authenticated = await Auth.AuthenticateAsync(result.SessionToken!);
        await Auth.LogoutAsync(result.SessionToken!, null);

        Assert.True(result.Succeeded);
        Assert.Equal(new AuthenticatedUser(user.UserId, email, "Test Contributor", Role.Contributor), authenticated);
        Assert.Null(await Auth.AuthenticateAsync(result.SessionToken!));
        Assert.Null(await Auth.AuthenticateAsync("not-a-session"));
    }

    [Fact]
    public async Task Five_failures_lock_the_account_from_any_address()
    {
        var user = await IdentityTestUsers.InsertAsync(fixture, Role.User);
        var email = await EmailOfAsync(user);
        for (var i = 0; i < 5; i++)
        {
            Assert.False((await Auth.LoginAsync(new LoginAttempt(email, "fel-lösenord-123", NewAddress()))).Succeeded);
        }

        var fromElsewhere = await Auth.LoginAsync(new LoginAttempt(email, IdentityTestUsers.Password, NewAddress()));
        var otherUser = await IdentityTestUsers.InsertAsync(fixture, Role.User);
        var otherAccount = await Auth.LoginAsync(new LoginAttempt(await EmailOfAsync(otherUser), IdentityTestUsers.Password, NewAddress()));

        Assert.Equal(LoginResult.Refused, fromElsewhere);
        Assert.True(otherAccount.Succeeded);
    }

    [Fact]
    public async Task Failures_from_one_address_lock_it_at_its_own_threshold_not_at_five()
    {
        var address = NewAddress();
        var user = await IdentityTestUsers.InsertAsync(fixture, Role.User);
        var email = await EmailOfAsync(user);
        var perAddress = new IdentityOptions().MaxFailedLoginsPerAddress;
        for (var i = 0; i < 5; i++)
        {
            await Auth.LoginAsync(new LoginAttempt($"okand-{Guid.NewGuid():N}@skola.test", "vad-som-helst-1", address));
        }
        Assert.True((await Auth.LoginAsync(new LoginAttempt(email, IdentityTestUsers.Password, address))).Succeeded);

        for (var i = 0; i < perAddress; i++)
        {
            await Auth.LoginAsync(new LoginAttempt($"okand-{Guid.NewGuid():N}@skola.test", "vad-som-helst-1", address));
        }

        Assert.False((await Auth.LoginAsync(new LoginAttempt(email, IdentityTestUsers.Password, address))).Succeeded);
        Assert.True((await Auth.LoginAsync(new LoginAttempt(email, IdentityTestUsers.Password, NewAddress()))).Succeeded);
    }

    [Fact]
    public async Task Deactivation_and_role_change_revoke_the_users_sessions()
    {
        var admin = await IdentityTestUsers.InsertAsync(fixture, Role.Admin);
        var user = await IdentityTestUsers.InsertAsync(fixture, Role.User);
        var email = await EmailOfAsync(user);
        var account = fixture.Grains.GetGrain<IUserAccountGrain>(user.UserId);

        var first = await Auth.LoginAsync(new LoginAttempt(email, IdentityTestUsers.Password, NewAddress()));
        await account.ChangeRoleAsync(admin, Role.Contributor);
        var second = await Auth.LoginAsync(new LoginAttempt(email, IdentityTestUsers.Password, NewAddress()));
        Assert.Equal(Role.Contributor, (await Auth.AuthenticateAsync(second.SessionToken!))!.Role);
        await account.DeactivateAsync(admin);

        Assert.Null(await Auth.AuthenticateAsync(first.SessionToken!));
        Assert.Null(await Auth.AuthenticateAsync(second.SessionToken!));
        Assert.False((await Auth.LoginAsync(new LoginAttempt(email, IdentityTestUsers.Password, NewAddress()))).Succeeded);
    }

    private Task<string> EmailOfAsync(ActingUser user) =>
        fixture.Database.ScalarAsync<string>($"SELECT email FROM users WHERE id = '{user.UserId}'");
}
