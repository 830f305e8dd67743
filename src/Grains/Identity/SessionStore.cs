using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Skriptoteket.Grains.Abstractions.Identity;

namespace Skriptoteket.Grains.Identity;

/// <summary>Server-side sessions: the browser holds a random token, the table its SHA-256 hash.</summary>
internal sealed class SessionStore(NpgsqlDataSource db)
{
    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public async Task CreateAsync(string token, Guid userId, string? address, DateTimeOffset now, DateTimeOffset expires)
    {
        await using var cmd = db.CreateCommand(
            """
            INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at, address)
            VALUES (@h, @u, @now, @now, @exp, @a)
            """);
        cmd.Parameters.AddWithValue("h", Hash(token));
        cmd.Parameters.AddWithValue("u", userId);
        cmd.Parameters.AddWithValue("now", now);
        cmd.Parameters.AddWithValue("exp", expires);
        cmd.Parameters.AddWithValue("a", (object?)Truncate(address) ?? DBNull.Value);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// How often a session in use is written: a request within this time of the last write only reads. Every API
    /// call (a run's polls too) authenticates, and a commit per call was a disk flush per call (docs/performance.md);
    /// the sliding expiry may end up to this much earlier than exact.
    /// </summary>
    internal static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The session's user when it is live (not revoked, not expired, user active); slides its expiry by
    /// <paramref name="idle"/>, but never past <paramref name="absolute"/> after login, at most once per <see cref="TouchEvery"/>.
    /// </summary>
    public async Task<AuthenticatedUser?> TouchAsync(byte[] hash, DateTimeOffset now, TimeSpan idle, TimeSpan absolute)
    {
        await using var cmd = db.CreateCommand(
            """
            WITH live AS (
                SELECT s.id_hash, s.last_seen_at, u.id, u.email, u.display_name, u.role
                FROM sessions s JOIN users u ON u.id = s.user_id
                WHERE s.id_hash = @h AND NOT s.revoked AND s.expires_at > @now
                  AND s.created_at + @absolute > @now AND u.is_active),
            touched AS (
                UPDATE sessions s SET last_seen_at = @now, expires_at = LEAST(@exp, s.created_at + @absolute)
                FROM live WHERE s.id_hash = live.id_hash AND live.last_seen_at <= @now - @every
                RETURNING 1)
            SELECT id, email, display_name, role FROM live
            """);
        cmd.Parameters.AddWithValue("h", hash);
        cmd.Parameters.AddWithValue("now", now);
        cmd.Parameters.AddWithValue("exp", now + idle);
        cmd.Parameters.AddWithValue("absolute", absolute);
        cmd.Parameters.AddWithValue("every", TouchEvery);
        await using var reader = await cmd.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new AuthenticatedUser(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), RoleNames.FromDb(reader.GetString(3)))
            : null;
    }

    /// <summary>Revokes one session; returns its user when it was live.</summary>
    public async Task<Guid?> RevokeAsync(byte[] hash, DateTimeOffset now)
    {
        await using var cmd = db.CreateCommand(
            "UPDATE sessions SET revoked = true, revoked_at = @now WHERE id_hash = @h AND NOT revoked RETURNING user_id");
        cmd.Parameters.AddWithValue("h", hash);
        cmd.Parameters.AddWithValue("now", now);
        return await cmd.ExecuteScalarAsync() is Guid id ? id : null;
    }

    public async Task RevokeAllAsync(Guid userId, DateTimeOffset now)
    {
        await using var cmd = db.CreateCommand(
            "UPDATE sessions SET revoked = true, revoked_at = @now WHERE user_id = @u AND NOT revoked");
        cmd.Parameters.AddWithValue("u", userId);
        cmd.Parameters.AddWithValue("now", now);
        await cmd.ExecuteNonQueryAsync();
    }

    private static string? Truncate(string? address) => address is { Length: > 64 } ? address[..64] : address;
}
