using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Identity;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;

namespace Skriptoteket.Unit.Tests;

public sealed class IdentityPolicyTests
{
    private static ActingUser As(Role role) => new(Guid.NewGuid(), role);

    [Theory]
    [InlineData(Role.User, Role.User, false)]
    [InlineData(Role.Contributor, Role.User, false)]
    [InlineData(Role.Admin, Role.User, true)]
    [InlineData(Role.Admin, Role.Contributor, true)]
    [InlineData(Role.Admin, Role.Admin, false)]
    [InlineData(Role.Superuser, Role.Admin, false)]
    [InlineData(Role.Superuser, Role.Superuser, false)]
    [InlineData(Role.Superuser, Role.Contributor, true)]
    public void Accounts_are_created_by_admins_with_user_or_contributor_only(Role actor, Role role, bool allowed) =>
        AssertAllowed(allowed, () => AccountPolicy.EnsureMayCreate(As(actor), role));

    [Theory]
    [InlineData(Role.Admin, Role.User, Role.Contributor, true)]
    [InlineData(Role.Admin, Role.Contributor, Role.User, true)]
    [InlineData(Role.Admin, Role.User, Role.Admin, false)]
    [InlineData(Role.Admin, Role.Admin, Role.User, false)]
    [InlineData(Role.Superuser, Role.Admin, Role.Contributor, true)]
    [InlineData(Role.Superuser, Role.User, Role.Admin, false)]
    [InlineData(Role.Superuser, Role.Superuser, Role.User, false)]
    [InlineData(Role.Contributor, Role.User, Role.Contributor, false)]
    public void Role_changes_never_make_admins_and_only_superusers_demote(Role actor, Role current, Role next, bool allowed) =>
        AssertAllowed(allowed, () => AccountPolicy.EnsureMayChangeRole(As(actor), Guid.NewGuid(), current, next));

    [Fact]
    public void Nobody_manages_their_own_account()
    {
        var me = As(Role.Superuser);
        Assert.Throws<DomainException>(() => AccountPolicy.EnsureMayManage(me, me.UserId, Role.Superuser));
    }

    [Theory]
    [InlineData(Role.User, false)]
    [InlineData(Role.Contributor, false)]
    [InlineData(Role.Admin, false)]
    [InlineData(Role.Superuser, true)]
    public void Only_superusers_decide_nominations(Role actor, bool allowed) =>
        AssertAllowed(allowed, () => AccountPolicy.EnsureMayDecideNomination(As(actor)));

    [Theory]
    [InlineData(true, true, false)]   // own nomination, another superuser exists: theirs to decide
    [InlineData(true, false, true)]   // the sole superuser decides even their own
    [InlineData(false, true, true)]   // someone else's nomination
    public void The_nominator_leaves_their_own_nomination_to_another_superuser(bool own, bool anotherSuperuser, bool allowed)
    {
        var me = As(Role.Superuser);
        AssertAllowed(allowed, () => AccountPolicy.EnsureMayDecideOwnNomination(me, own ? me.UserId : Guid.NewGuid(), anotherSuperuser));
    }

    [Fact]
    public void Other_accounts_are_invisible_not_forbidden_to_users()
    {
        var ex = Assert.Throws<DomainException>(() => AccountPolicy.EnsureMayView(As(Role.Contributor), Guid.NewGuid()));
        Assert.Equal(ErrorCode.NotFound, ex.Code);
    }

    [Theory]
    [InlineData("kort", false)]
    [InlineData("elva-tecken", false)]
    [InlineData("tolv-tecken!", true)]
    public void Passwords_need_twelve_characters(string password, bool ok)
    {
        if (ok)
        {
            PasswordRules.EnsureStrongEnough(password);
        }
        else
        {
            var ex = Assert.Throws<DomainException>(() => PasswordRules.EnsureStrongEnough(password));
            Assert.Equal("Lösenordet måste vara minst 12 tecken långt.", ex.Message);
        }
    }

    [Fact]
    public void Hashes_are_salted_and_verify_only_the_right_password()
    {
        var a = PasswordRules.Hash("Ett-långt-lösenord");
        var b = PasswordRules.Hash("Ett-långt-lösenord");

        Assert.NotEqual(a, b);
        Assert.True(PasswordRules.Verify(a, "Ett-långt-lösenord"));
        Assert.False(PasswordRules.Verify(a, "ett-långt-lösenord"));
        Assert.False(PasswordRules.Verify(null, "Ett-långt-lösenord"));
    }

    [Theory]
    [InlineData("anna@skola.se", true)]
    [InlineData("  anna@skola.se ", true)]
    [InlineData("anna", false)]
    [InlineData("@skola.se", false)]
    [InlineData("a@b@c", false)]
    [InlineData("an na@skola.se", false)]
    public void Emails_are_checked(string email, bool ok) =>
        AssertAllowed(ok, () => NewAccountRules.ValidEmail(email), ErrorCode.Validation);

    private static void AssertAllowed(bool allowed, Action check, ErrorCode refusal = ErrorCode.Forbidden)
    {
        if (allowed)
        {
            check();
            return;
        }
        Assert.Equal(refusal, Assert.Throws<DomainException>(check).Code);
    }
}
