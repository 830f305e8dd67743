using Npgsql;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;

namespace Skriptoteket.Grains.Identity;

/// <summary>The users query table: written by the account grains, read by login and the admin lists.</summary>
internal sealed class UserStore(NpgsqlDataSource db)
{
    private const string Columns =
        "id, email, display_name, role, is_active, password_hash, created_at, updated_at, preferred_language, must_change_password";

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    public Task<UserRow?> FindByIdAsync(Guid id) => FindAsync($"SELECT {Columns} FROM users WHERE id = @v", id);

    public Task<UserRow?> FindByEmailAsync(string email) =>
        FindAsync($"SELECT {Columns} FROM users WHERE lower(email) = @v", NormalizeEmail(email));

    public async Task<bool> EmailTakenAsync(string email, Guid exceptId)
    {
        await using var cmd = db.CreateCommand("SELECT EXISTS (SELECT 1 FROM users WHERE lower(email) = @e AND id <> @id)");
        cmd.Parameters.AddWithValue("e", NormalizeEmail(email));
        cmd.Parameters.AddWithValue("id", exceptId);
        return (bool)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>Idempotent upsert by id; a second account with the same email is refused as a conflict.</summary>
    public async Task UpsertAsync(UserRow row)
    {
        await using var cmd = db.CreateCommand(
            """
            INSERT INTO users (id, email, display_name, role, is_active, password_hash, auth_provider, created_at, updated_at,
                               preferred_language, must_change_password)
            VALUES (@id, @email, @name, @role, @active, @hash, 'local', @created, @updated, @language, @mustChange)
            ON CONFLICT (id) DO UPDATE SET email = EXCLUDED.email, display_name = EXCLUDED.display_name,
                role = EXCLUDED.role, is_active = EXCLUDED.is_active, password_hash = EXCLUDED.password_hash,
                updated_at = EXCLUDED.updated_at, preferred_language = EXCLUDED.preferred_language,
                must_change_password = EXCLUDED.must_change_password
            """);
        cmd.Parameters.AddWithValue("id", row.Id);
        cmd.Parameters.AddWithValue("email", row.Email);
        cmd.Parameters.AddWithValue("name", row.DisplayName);
        cmd.Parameters.AddWithValue("role", RoleNames.ToDb(row.Role));
        cmd.Parameters.AddWithValue("active", row.IsActive);
        cmd.Parameters.AddWithValue("hash", (object?)row.PasswordHash ?? DBNull.Value);
        cmd.Parameters.AddWithValue("created", row.CreatedAt);
        cmd.Parameters.AddWithValue("updated", row.UpdatedAt);
        cmd.Parameters.AddWithValue("language", (object?)row.PreferredLanguage ?? DBNull.Value);
        cmd.Parameters.AddWithValue("mustChange", row.MustChangePassword);
        try
        {
            await cmd.ExecuteNonQueryAsync();
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw DomainException.Conflict("Det finns redan ett konto med den e-postadressen.", "Account.EmailTaken");
        }
    }

    /// <summary>Whether an active superuser other than <paramref name="userId"/> exists.</summary>
    public async Task<bool> AnotherActiveSuperuserExistsAsync(Guid userId)
    {
        await using var cmd = db.CreateCommand(
            "SELECT EXISTS (SELECT 1 FROM users WHERE role = 'superuser' AND is_active AND id <> @id)");
        cmd.Parameters.AddWithValue("id", userId);
        return (bool)(await cmd.ExecuteScalarAsync())!;
    }

    public async Task<UserPage> SearchAsync(string? query, int page, int pageSize)
    {
        var pattern = "%" + (query ?? "").Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        await using var cmd = db.CreateCommand(
            $"""
            SELECT {Columns}, count(*) OVER () FROM users
            WHERE email ILIKE @p OR display_name ILIKE @p
            ORDER BY lower(display_name), lower(email)
            LIMIT @limit OFFSET @offset
            """);
        cmd.Parameters.AddWithValue("p", pattern);
        cmd.Parameters.AddWithValue("limit", pageSize);
        cmd.Parameters.AddWithValue("offset", (page - 1) * pageSize);
        var items = new List<UserInfo>();
        long total = 0;
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            items.Add(Read(reader).ToInfo());
            total = reader.GetInt64(10);
        }
        if (items.Count == 0 && page > 1)
        {
            total = await CountAsync(pattern);
        }
        return new UserPage(items, page, pageSize, total);
    }

    private async Task<long> CountAsync(string pattern)
    {
        await using var cmd = db.CreateCommand("SELECT count(*) FROM users WHERE email ILIKE @p OR display_name ILIKE @p");
        cmd.Parameters.AddWithValue("p", pattern);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private async Task<UserRow?> FindAsync<T>(string sql, T value)
    {
        await using var cmd = db.CreateCommand(sql);
        cmd.Parameters.AddWithValue("v", value!);
        await using var reader = await cmd.ExecuteReaderAsync();
        return await reader.ReadAsync() ? Read(reader) : null;
    }

    private static UserRow Read(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetString(1), r.GetString(2), RoleNames.FromDb(r.GetString(3)), r.GetBoolean(4),
        r.IsDBNull(5) ? null : r.GetString(5),
        r.GetFieldValue<DateTimeOffset>(6), r.GetFieldValue<DateTimeOffset>(7),
        r.IsDBNull(8) ? null : r.GetString(8), r.GetBoolean(9));
}
