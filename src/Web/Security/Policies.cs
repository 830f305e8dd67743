using Skriptoteket.Grains.Abstractions.Identity;

namespace Skriptoteket.Web.Security;

/// <summary>Authorization policy names, one per role of the hierarchy (a policy admits that role and above).</summary>
public static class Policies
{
    public const string User = "role:user";
    public const string Contributor = "role:contributor";
    public const string Admin = "role:admin";
    public const string Superuser = "role:superuser";

    public static string For(Role role) => role switch
    {
        Role.User => User,
        Role.Contributor => Contributor,
        Role.Admin => Admin,
        Role.Superuser => Superuser,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}
