namespace Skriptoteket.Grains.Abstractions.Identity;

/// <summary>Roles form a hierarchy: each role has every capability of the roles before it (SPEC §1).</summary>
public enum Role
{
    User = 0,
    Contributor = 1,
    Admin = 2,
    Superuser = 3,
}
