using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;

namespace Skriptoteket.Grains.Identity;

/// <summary>
/// Who may manage which account (SPEC §1): admins create user/contributor accounts and move them between
/// those roles; only nominations make admins; superusers also demote and deactivate admins; nobody
/// changes a superuser or their own account here.
/// </summary>
public static class AccountPolicy
{
    public static void EnsureManager(ActingUser actor)
    {
        if (!actor.IsAtLeast(Role.Admin))
        {
            throw DomainException.Forbidden();
        }
    }

    public static void EnsureMayCreate(ActingUser actor, Role role)
    {
        EnsureManager(actor);
        if (role is not (Role.User or Role.Contributor))
        {
            throw DomainException.Forbidden(
                "Nya konton får rollen användare eller bidragsgivare. Administratörer utses genom nominering.", "Account.NewRole");
        }
    }

    public static void EnsureMayChangeRole(ActingUser actor, Guid targetId, Role current, Role next)
    {
        EnsureMayManage(actor, targetId, current);
        if (next is not (Role.User or Role.Contributor))
        {
            throw DomainException.Forbidden(
                "Rollen kan bara sättas till användare eller bidragsgivare. Administratörer utses genom nominering.", "Account.RoleLimited");
        }
    }

    /// <summary>Deactivation and reactivation follow the same rule as role changes.</summary>
    public static void EnsureMayManage(ActingUser actor, Guid targetId, Role current)
    {
        EnsureManager(actor);
        if (actor.UserId == targetId)
        {
            throw DomainException.Forbidden("Du kan inte ändra ditt eget konto här.", "Account.NotOwn");
        }
        if (current == Role.Superuser)
        {
            throw DomainException.Forbidden("En superanvändare kan inte ändras här.", "Account.Superuser");
        }
        if (current == Role.Admin && !actor.IsAtLeast(Role.Superuser))
        {
            throw DomainException.Forbidden("Bara en superanvändare kan ändra en administratör.", "Account.AdminBySuperuser");
        }
    }

    /// <summary>An account is visible to its owner and to admins; to anyone else it does not exist.</summary>
    public static void EnsureMayView(ActingUser actor, Guid targetId)
    {
        if (actor.UserId != targetId && !actor.IsAtLeast(Role.Admin))
        {
            throw DomainException.NotFound("Användaren");
        }
    }

    /// <summary>
    /// Own-account actions (profile, password, sessions) are the owner's alone. Admins, who may see the account,
    /// are told so; anyone else learns nothing about it.
    /// </summary>
    public static void EnsureOwner(ActingUser actor, Guid targetId)
    {
        if (actor.UserId == targetId)
        {
            return;
        }
        if (actor.IsAtLeast(Role.Admin))
        {
            throw DomainException.Forbidden("Det här kan bara kontots ägare ändra.", "Account.OwnerOnly");
        }
        throw DomainException.NotFound("Användaren");
    }

    public static void EnsureMayNominate(ActingUser actor, Role nomineeRole, bool nomineeActive)
    {
        EnsureManager(actor);
        if (nomineeRole >= Role.Admin)
        {
            throw DomainException.Conflict("Användaren är redan administratör.", "Account.AlreadyAdmin");
        }
        if (!nomineeActive)
        {
            throw DomainException.Conflict("Användaren är inaktiverad och kan inte nomineras.", "Account.DeactivatedNominee");
        }
    }

    public static void EnsureMayDecideNomination(ActingUser actor)
    {
        if (!actor.IsAtLeast(Role.Superuser))
        {
            throw DomainException.Forbidden("Bara en superanvändare kan besluta om nomineringar.", "Account.OnlySuperuserDecides");
        }
    }

    /// <summary>
    /// SPEC §2: where another superuser exists, the nominator does not decide their own nomination (a second
    /// person looks at every new admin). A sole superuser still can, or no nomination could ever be decided.
    /// </summary>
    public static void EnsureMayDecideOwnNomination(ActingUser actor, Guid nominatorId, bool anotherSuperuserExists)
    {
        if (actor.UserId == nominatorId && anotherSuperuserExists)
        {
            throw DomainException.Forbidden(
                "Du nominerade själv den här användaren. En annan superanvändare beslutar om nomineringen.",
                "Nomination.OwnNomination");
        }
    }
}
