using Skriptoteket.Grains.Abstractions.Identity;

namespace Skriptoteket.Grains.Identity;

/// <summary>Roles as stored in the users table ("user", "contributor", "admin", "superuser").</summary>
public static class RoleNames
{
    public static string ToDb(Role role) => role.ToString().ToLowerInvariant();

    public static Role FromDb(string value) => Enum.Parse<Role>(value, ignoreCase: true);
}
