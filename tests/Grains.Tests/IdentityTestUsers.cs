using Microsoft.AspNetCore.Identity;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Identity;

namespace Skriptoteket.Grains.Tests;

/// <summary>Accounts for grain tests. Admins and superusers are inserted as rows (as the bootstrap does), since no grain creates them.</summary>
public static class IdentityTestUsers
{
    public const string Password = "Ett-långt-lösenord-42";

    public static async Task<ActingUser> InsertAsync(ClusterFixture fixture, Role role, string? email = null)
    {
        var id = Guid.NewGuid();
        await using var db = fixture.Database.CreateDataSource();
        await using var cmd = db.CreateCommand(
            "INSERT INTO users (id, email, display_name, role, password_hash) VALUES (@id, @email, @name, @role, @hash)");
        cmd.Parameters.AddWithValue("id", id);
        cmd.Parameters.AddWithValue("email", email ?? $"{role}-{id:N}@skola.test".ToLowerInvariant());
        cmd.Parameters.AddWithValue("name", $"Test {role}");
        cmd.Parameters.AddWithValue("role", RoleNames.ToDb(role));
        cmd.Parameters.AddWithValue("hash", new PasswordHasher<object>().HashPassword(new object(), Password));
        await cmd.ExecuteNonQueryAsync();
        return new ActingUser(id, role);
    }

    public static NewUserAccount NewAccount(Role role) =>
        new($"ny-{Guid.NewGuid():N}@skola.test", "Ny person", Password, role);

    public static ActingUser Nobody(Role role) => new(Guid.NewGuid(), role);
}
