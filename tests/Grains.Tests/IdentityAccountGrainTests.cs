using Skriptoteket.Grains.Abstractions.Errors;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;
using Skriptoteket.Grains.Abstractions.Identity;

namespace Skriptoteket.Grains.Tests;

/// <summary>The account grain enforces SPEC §1 itself, for every role, including illegal requests.</summary>
[Collection(ClusterCollection.Name)]
public sealed class IdentityAccountGrainTests(ClusterFixture fixture)
{
    public static TheoryData<Role, Role> RolePairs()
    {
        var data = new TheoryData<Role, Role>();
        foreach (var a in Enum.GetValues<Role>())
        {
            foreach (var b in Enum.GetValues<Role>())
            {
                data.Add(a, b);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(RolePairs))]
    public async Task Creating_an_account_follows_the_matrix(Role actor, Role newRole)
    {
        var allowed = actor >= Role.Admin && newRole <= Role.Contributor;
        var grain = fixture.Grains.GetGrain<IUserAccountGrain>(Guid.NewGuid());

        var call = () => grain.CreateAsync(IdentityTestUsers.Nobody(actor), IdentityTestUsers.NewAccount(newRole));

        if (allowed)
        {
            var created = await call();
            Assert.Equal(newRole, created.Role);
            Assert.True(created.IsActive);
        }
        else
        {
            Assert.Equal(ErrorCode.Forbidden, (await Assert.ThrowsAsync<DomainException>(call)).Code);
        }
    }

    [Theory]
    [MemberData(nameof(RolePairs))]
    public async Task Role_changes_follow_the_matrix(Role actor, Role targetRole)
    {
        var target = await IdentityTestUsers.InsertAsync(fixture, targetRole);
        var grain = fixture.Grains.GetGrain<IUserAccountGrain>(target.UserId);
        var mayManage = actor >= Role.Admin && targetRole != Role.Superuser && (targetRole != Role.Admin || actor == Role.Superuser);

        foreach (var next in Enum.GetValues<Role>())
        {
            var allowed = mayManage && next <= Role.Contributor;
            var call = () => grain.ChangeRoleAsync(IdentityTestUsers.Nobody(actor), next);
            if (allowed)
            {
                Assert.Equal(next, (await call()).Role);
            }
            else
            {
                Assert.Equal(ErrorCode.Forbidden, (await Assert.ThrowsAsync<DomainException>(call)).Code);
            }
        }
    }

    [Theory]
    [MemberData(nameof(RolePairs))]
    public async Task Deactivation_and_reactivation_follow_the_matrix(Role actor, Role targetRole)
    {
        var target = await IdentityTestUsers.InsertAsync(fixture, targetRole);
        var grain = fixture.Grains.GetGrain<IUserAccountGrain>(target.UserId);
        var allowed = actor >= Role.Admin && targetRole != Role.Superuser && (targetRole != Role.Admin || actor == Role.Superuser);
        var who = IdentityTestUsers.Nobody(actor);

        if (allowed)
        {
            Assert.False((await grain.DeactivateAsync(who)).IsActive);
            Assert.True((await grain.ReactivateAsync(who)).IsActive);
        }
        else
        {
            Assert.Equal(ErrorCode.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => grain.DeactivateAsync(who))).Code);
            Assert.Equal(ErrorCode.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => grain.ReactivateAsync(who))).Code);
        }
    }

    [Theory]
    [InlineData(Role.Admin)]
    [InlineData(Role.Superuser)]
    public async Task Nobody_changes_their_own_account(Role role)
    {
        var me = await IdentityTestUsers.InsertAsync(fixture, role);
        var grain = fixture.Grains.GetGrain<IUserAccountGrain>(me.UserId);

        await Assert.ThrowsAsync<DomainException>(() => grain.ChangeRoleAsync(me, Role.User));
        await Assert.ThrowsAsync<DomainException>(() => grain.DeactivateAsync(me));
    }

    [Fact]
    public async Task Unknown_accounts_are_not_found_for_managers_and_forbidden_for_others()
    {
        var grain = fixture.Grains.GetGrain<IUserAccountGrain>(Guid.NewGuid());

        var forAdmin = await Assert.ThrowsAsync<DomainException>(() => grain.ChangeRoleAsync(IdentityTestUsers.Nobody(Role.Admin), Role.User));
        var forUser = await Assert.ThrowsAsync<DomainException>(() => grain.DeactivateAsync(IdentityTestUsers.Nobody(Role.User)));

        Assert.Equal(ErrorCode.NotFound, forAdmin.Code);
        Assert.Equal(ErrorCode.Forbidden, forUser.Code);
    }

    [Fact]
    public async Task Someone_elses_account_is_invisible_to_users_and_contributors()
    {
        var target = await IdentityTestUsers.InsertAsync(fixture, Role.User);
        var grain = fixture.Grains.GetGrain<IUserAccountGrain>(target.UserId);

        Assert.Equal(ErrorCode.NotFound, (await Assert.ThrowsAsync<DomainException>(() => grain.GetAsync(IdentityTestUsers.Nobody(Role.Contributor)))).Code);
        Assert.Equal(target.UserId, (await grain.GetAsync(target)).Id);
        Assert.Equal(target.UserId, (await grain.GetAsync(IdentityTestUsers.Nobody(Role.Admin))).Id);
    }

    [Fact]
    public async Task A_duplicate_email_or_a_short_password_is_refused_and_the_users_row_follows_the_grain()
    {
        var admin = IdentityTestUsers.Nobody(Role.Admin);
        var account = IdentityTestUsers.NewAccount(Role.Contributor);
        var id = Guid.NewGuid();
        await fixture.Grains.GetGrain<IUserAccountGrain>(id).CreateAsync(admin, account);

        var duplicate = await Assert.ThrowsAsync<DomainException>(() =>
            fixture.Grains.GetGrain<IUserAccountGrain>(Guid.NewGuid()).CreateAsync(admin, account with { Email = account.Email.ToUpperInvariant() }));
        var tooShort = await Assert.ThrowsAsync<DomainException>(() =>
            fixture.Grains.GetGrain<IUserAccountGrain>(Guid.NewGuid()).CreateAsync(admin, IdentityTestUsers.NewAccount(Role.User) with { Password = "kort" }));
        await fixture.Grains.GetGrain<IUserAccountGrain>(id).ChangeRoleAsync(admin, Role.User);

        Assert.Equal(ErrorCode.Conflict, duplicate.Code);
        Assert.Equal(ErrorCode.Validation, tooShort.Code);
        Assert.Equal("user", await fixture.Database.ScalarAsync<string>($"SELECT role FROM users WHERE id = '{id}'"));
        Assert.StartsWith("AQAAAA", await fixture.Database.ScalarAsync<string>($"SELECT password_hash FROM users WHERE id = '{id}'"));
    }
}
