using Skriptoteket.Grains.Abstractions.Errors;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;
using Skriptoteket.Grains.Abstractions.Identity;

namespace Skriptoteket.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class IdentityNominationGrainTests(ClusterFixture fixture)
{
    [Theory]
    [InlineData(Role.User, false)]
    [InlineData(Role.Contributor, false)]
    [InlineData(Role.Admin, true)]
    [InlineData(Role.Superuser, true)]
    public async Task Only_admins_and_superusers_nominate(Role role, bool allowed)
    {
        var actor = await IdentityTestUsers.InsertAsync(fixture, role);
        var nominee = await IdentityTestUsers.InsertAsync(fixture, Role.Contributor);
        var call = () => fixture.Grains.GetGrain<INominationGrain>(nominee.UserId).NominateAsync(actor, "Kunnig");

        if (allowed)
        {
            Assert.Equal(NominationStatus.Pending, (await call()).Status);
        }
        else
        {
            Assert.Equal(ErrorCode.Forbidden, (await Assert.ThrowsAsync<DomainException>(call)).Code);
        }
    }

    [Theory]
    [InlineData(Role.User)]
    [InlineData(Role.Contributor)]
    [InlineData(Role.Admin)]
    public async Task Only_a_superuser_decides(Role role)
    {
        var (nominee, nomination) = await NominateAsync();
        var actor = await IdentityTestUsers.InsertAsync(fixture, role);
        var grain = fixture.Grains.GetGrain<INominationGrain>(nominee.UserId);

        Assert.Equal(ErrorCode.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => grain.ApproveAsync(actor, nomination.Id, null))).Code);
        Assert.Equal(ErrorCode.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => grain.DenyAsync(actor, nomination.Id, null))).Code);
        Assert.Equal(ErrorCode.Forbidden, (await Assert.ThrowsAsync<DomainException>(() =>
            fixture.Grains.GetGrain<IUserAccountGrain>(nominee.UserId).PromoteToAdminAsync(actor, nomination.Id))).Code);
    }

    [Fact]
    public async Task Approval_makes_an_admin_and_a_decided_nomination_cannot_be_decided_again()
    {
        var (nominee, nomination) = await NominateAsync();
        var superuser = await IdentityTestUsers.InsertAsync(fixture, Role.Superuser);
        var grain = fixture.Grains.GetGrain<INominationGrain>(nominee.UserId);

        var approved = await grain.ApproveAsync(superuser, nomination.Id, "Välkommen");
        var again = await Assert.ThrowsAsync<DomainException>(() => grain.DenyAsync(superuser, nomination.Id, null));
        var twice = await Assert.ThrowsAsync<DomainException>(() => grain.ApproveAsync(superuser, nomination.Id, null));

        Assert.Equal(NominationStatus.Approved, approved.Status);
        Assert.Equal(superuser.UserId, approved.DecidedBy);
        Assert.Equal(ErrorCode.Conflict, again.Code);
        Assert.Equal(ErrorCode.Conflict, twice.Code);
        Assert.Equal(Role.Admin, (await fixture.Grains.GetGrain<IUserAccountGrain>(nominee.UserId).GetAsync(superuser)).Role);
        Assert.Equal("admin", await fixture.Database.ScalarAsync<string>($"SELECT role FROM users WHERE id = '{nominee.UserId}'"));
    }

    [Fact]
    public async Task A_superuser_does_not_decide_their_own_nomination_while_another_superuser_exists()
    {
        var nominator = await IdentityTestUsers.InsertAsync(fixture, Role.Superuser);
        var other = await IdentityTestUsers.InsertAsync(fixture, Role.Superuser);
        var nominee = await IdentityTestUsers.InsertAsync(fixture, Role.Contributor);
        var grain = fixture.Grains.GetGrain<INominationGrain>(nominee.UserId);
        var nomination = await grain.NominateAsync(nominator, "Kunnig och noggrann");

        var approve = await Assert.ThrowsAsync<DomainException>(() => grain.ApproveAsync(nominator, nomination.Id, null));
        var deny = await Assert.ThrowsAsync<DomainException>(() => grain.DenyAsync(nominator, nomination.Id, null));

        Assert.Equal(ErrorCode.Forbidden, approve.Code);
        Assert.Equal("Nomination.OwnNomination", approve.Key);
        Assert.Contains("En annan superanvändare beslutar", approve.Message);
        Assert.Equal(ErrorCode.Forbidden, deny.Code);
        Assert.True(await fixture.Grains.GetGrain<IIdentityQueryGrain>(0).AnotherSuperuserExistsAsync(nominator));
        Assert.Equal(NominationStatus.Pending, (await fixture.Grains.GetGrain<IIdentityQueryGrain>(0).GetNominationAsync(other, nomination.Id)).Status);
        Assert.Equal(NominationStatus.Approved, (await grain.ApproveAsync(other, nomination.Id, "Andra paret ögon")).Status);
    }

    [Fact]
    public async Task Denial_keeps_the_role_and_allows_a_later_nomination()
    {
        var (nominee, nomination) = await NominateAsync();
        var superuser = await IdentityTestUsers.InsertAsync(fixture, Role.Superuser);
        var grain = fixture.Grains.GetGrain<INominationGrain>(nominee.UserId);

        var denied = await grain.DenyAsync(superuser, nomination.Id, "Inte nu");
        var next = await grain.NominateAsync(superuser, "Nu är det dags");

        Assert.Equal(NominationStatus.Denied, denied.Status);
        Assert.Equal(Role.Contributor, (await fixture.Grains.GetGrain<IUserAccountGrain>(nominee.UserId).GetAsync(superuser)).Role);
        Assert.NotEqual(nomination.Id, next.Id);
        Assert.Equal(ErrorCode.NotFound, (await Assert.ThrowsAsync<DomainException>(() => grain.ApproveAsync(superuser, nomination.Id, null))).Code);
    }

    [Fact]
    public async Task Admins_and_pending_nominees_cannot_be_nominated_and_a_rationale_is_required()
    {
        var admin = await IdentityTestUsers.InsertAsync(fixture, Role.Admin);
        var other = await IdentityTestUsers.InsertAsync(fixture, Role.Admin);
        var (nominee, _) = await NominateAsync();

        Assert.Equal(ErrorCode.Conflict, (await Assert.ThrowsAsync<DomainException>(() =>
            fixture.Grains.GetGrain<INominationGrain>(other.UserId).NominateAsync(admin, "Redan admin"))).Code);
        Assert.Equal(ErrorCode.Conflict, (await Assert.ThrowsAsync<DomainException>(() =>
            fixture.Grains.GetGrain<INominationGrain>(nominee.UserId).NominateAsync(admin, "Igen"))).Code);
        var fresh = await IdentityTestUsers.InsertAsync(fixture, Role.User);
        Assert.Equal(ErrorCode.Validation, (await Assert.ThrowsAsync<DomainException>(() =>
            fixture.Grains.GetGrain<INominationGrain>(fresh.UserId).NominateAsync(admin, "  "))).Code);
    }

    [Fact]
    public async Task Pending_nominations_and_the_audit_log_are_listed_for_superusers_only()
    {
        var (_, nomination) = await NominateAsync();
        var superuser = await IdentityTestUsers.InsertAsync(fixture, Role.Superuser);
        var queries = fixture.Grains.GetGrain<IIdentityQueryGrain>(0);

        Assert.Contains(await queries.ListPendingNominationsAsync(superuser), n => n.Id == nomination.Id);
        foreach (var role in new[] { Role.User, Role.Contributor, Role.Admin })
        {
            var actor = IdentityTestUsers.Nobody(role);
            await Assert.ThrowsAsync<DomainException>(() => queries.ListPendingNominationsAsync(actor));
            await Assert.ThrowsAsync<DomainException>(() => queries.SearchAuditAsync(actor, new AuditFilter(null, null, null, null)));
        }
        var made = await queries.SearchAuditAsync(superuser, new AuditFilter(AuditActions.NominationMade, null, null, null));
        Assert.Contains(made.Items, r => r.TargetId == nomination.Id.ToString());
        Assert.All(made.Items, r => Assert.Equal(AuditActions.NominationMade, r.Action));
    }

    [Theory]
    [InlineData(Role.User, false)]
    [InlineData(Role.Contributor, false)]
    [InlineData(Role.Admin, true)]
    [InlineData(Role.Superuser, true)]
    public async Task Only_admins_and_superusers_search_users(Role role, bool allowed)
    {
        var queries = fixture.Grains.GetGrain<IIdentityQueryGrain>(0);
        var call = () => queries.SearchUsersAsync(IdentityTestUsers.Nobody(role), "skola", 1, 10);
        if (allowed)
        {
            Assert.True((await call()).Total >= 0);
        }
        else
        {
            Assert.Equal(ErrorCode.Forbidden, (await Assert.ThrowsAsync<DomainException>(call)).Code);
        }
    }

    private async Task<(ActingUser Nominee, NominationInfo Nomination)> NominateAsync()
    {
        var admin = await IdentityTestUsers.InsertAsync(fixture, Role.Admin);
        var nominee = await IdentityTestUsers.InsertAsync(fixture, Role.Contributor);
        var nomination = await fixture.Grains.GetGrain<INominationGrain>(nominee.UserId).NominateAsync(admin, "Kunnig och noggrann");
        return (nominee, nomination);
    }
}
