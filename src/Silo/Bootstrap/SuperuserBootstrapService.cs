using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Npgsql;
using Skriptoteket.Grains.Audit;
using Skriptoteket.Grains.Identity;

namespace Skriptoteket.Silo.Bootstrap;

/// <summary>Creates the first superuser when the users table has none; does nothing otherwise.</summary>
internal sealed class SuperuserBootstrapService(
    NpgsqlDataSource db,
    IAuditLog audit,
    IOptions<SuperuserBootstrapOptions> options,
    ILogger<SuperuserBootstrapService> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var exists = db.CreateCommand("SELECT EXISTS (SELECT 1 FROM users WHERE role = 'superuser')");
        if ((bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
        {
            return;
        }

        var settings = options.Value;
        var generated = string.IsNullOrEmpty(settings.Password);
        var password = generated ? GeneratePassword() : settings.Password!;
        if (password.Length < SuperuserBootstrapOptions.MinimumPasswordLength)
        {
            throw new InvalidOperationException(
                $"Setting Bootstrap:Password (SKRIPTOTEKET_SUPERUSER_PASSWORD) must be at least " +
                $"{SuperuserBootstrapOptions.MinimumPasswordLength} characters.");
        }

        var id = Guid.NewGuid();
        await using var insert = db.CreateCommand(
            """
            INSERT INTO users (id, email, display_name, role, password_hash)
            VALUES (@id, @email, @name, 'superuser', @hash)
            ON CONFLICT DO NOTHING
            """);
        insert.Parameters.AddWithValue("id", id);
        insert.Parameters.AddWithValue("email", settings.Email.Trim());
        insert.Parameters.AddWithValue("name", settings.DisplayName);
        insert.Parameters.AddWithValue("hash", PasswordRules.Hash(password));
        if (await insert.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            if (await IsSuperuserAsync(settings.Email.Trim(), cancellationToken))
            {
                // Another node of a cluster starting at the same moment created the same superuser first.
                return;
            }
            throw new InvalidOperationException(
                $"Cannot create the first superuser: a user with email '{settings.Email}' already exists with another role.");
        }

        await audit.AppendAsync(new AuditEntry(null, "user.created", "user", id.ToString(),
            new Dictionary<string, object?> { ["role"] = "superuser", ["via"] = "bootstrap" }), cancellationToken);
        logger.LogInformation("Created the first superuser {Email}", settings.Email);
        if (generated)
        {
            // Straight to the console, not the log: the password must be seen once and never stored.
            Console.WriteLine($"*** First superuser: {settings.Email}  password: {password}  (shown once; change it after login)");
        }
    }


    private async Task<bool> IsSuperuserAsync(string email, CancellationToken cancellationToken)
    {
        await using var role = db.CreateCommand("SELECT role FROM users WHERE lower(email) = lower(@email)");
        role.Parameters.AddWithValue("email", email);
        return await role.ExecuteScalarAsync(cancellationToken) is "superuser";
    }

    private static string GeneratePassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', 'k').Replace('/', 'S');
}
