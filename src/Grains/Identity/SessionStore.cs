using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Validation;

namespace Skriptoteket.Grains.Identity;

/// <summary>Server-side sessions: the browser holds a random token, the table its SHA-256 hash.</summary>
internal sealed class SessionStore(NpgsqlDataSource db)
{
    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>The bytes of a session hash in hex (as circuits and pages carry it); null when it cannot be one.</summary>
    public static byte[]? ParseHash(string? hex)
    {
        try
        {
            var hash = Convert.FromHexString(hex ?? "");
            return hash.Length == SHA256.HashSizeInBytes ? hash : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Longest stored device description ("Chrome|Windows"); anything longer or unprintable is not stored.</summary>
    public const int DeviceMax = 60;

    public async Task CreateAsync(string token, Guid userId, string? address, string? device, DateTimeOffset now, DateTimeOffset expires)
    {
        await using var cmd = db.CreateCommand(
            """
            INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at, address, device)
            VALUES (@h, @u, @now, @now, @exp, @a, @d)
            """);
        cmd.Parameters.AddWithValue("h", Hash(token));
        cmd.Parameters.AddWithValue("u", userId);
        cmd.Parameters.AddWithValue("now", now);
        cmd.Parameters.AddWithValue("exp", expires);
        cmd.Parameters.AddWithValue("a", (object?)Truncate(address) ?? DBNull.Value);
        cmd.Parameters.AddWithValue("d", device is { Length: > 0 and <= DeviceMax } && TextRules.IsStorable(device) ? device : DBNull.Value);
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
                SELECT s.id_hash, s.last_seen_at, u.id, u.email, u.display_name, u.role, u.preferred_language,
                       u.must_change_password
                FROM sessions s JOIN users u ON u.id = s.user_id
                WHERE s.id_hash = @h AND NOT s.revoked AND s.expires_at > @now
                  AND s.created_at + @absolute > @now AND u.is_active),
            touched AS (
                UPDATE sessions s SET last_seen_at = @now, expires_at = LEAST(@exp, s.created_at + @absolute)
                FROM live WHERE s.id_hash = live.id_hash AND live.last_seen_at <= @now - @every
                RETURNING 1)
            SELECT id, email, display_name, role, preferred_language, must_change_password FROM live
            """);
        cmd.Parameters.AddWithValue("h", hash);
        cmd.Parameters.AddWithValue("now", now);
        cmd.Parameters.AddWithValue("exp", now + idle);
        cmd.Parameters.AddWithValue("absolute", absolute);
        cmd.Parameters.AddWithValue("every", TouchEvery);
        await using var reader = await cmd.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new AuthenticatedUser(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), RoleNames.FromDb(reader.GetString(3)))
            {
                PreferredLanguage = reader.IsDBNull(4) ? null : reader.GetString(4), MustChangePassword = reader.GetBoolean(5),
            }
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

    /// <summary>The user's live sessions (the same test as <see cref="TouchAsync"/>), newest first.</summary>
    public async Task<IReadOnlyList<SessionInfo>> ListLiveAsync(Guid userId, byte[]? current, DateTimeOffset now, TimeSpan absolute)
    {
        await using var cmd = db.CreateCommand(
            """
            SELECT public_id, device, created_at, last_seen_at, id_hash = @h FROM sessions
            WHERE user_id = @u AND NOT revoked AND expires_at > @now AND created_at + @absolute > @now
            ORDER BY last_seen_at DESC, created_at DESC
            """);
        cmd.Parameters.AddWithValue("u", userId);
        cmd.Parameters.AddWithValue("h", current ?? []);
        cmd.Parameters.AddWithValue("now", now);
        cmd.Parameters.AddWithValue("absolute", absolute);
        var sessions = new List<SessionInfo>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var device = reader.IsDBNull(1) ? [] : reader.GetString(1).Split('|');
            sessions.Add(new SessionInfo(reader.GetGuid(0), device.ElementAtOrDefault(0) is { Length: > 0 } b ? b : null,
                device.ElementAtOrDefault(1) is { Length: > 0 } o ? o : null,
                reader.GetFieldValue<DateTimeOffset>(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetBoolean(4)));
        }
        return sessions;
    }

    /// <summary>Revokes one session of the user by its public id; false when the user has no such live session.</summary>
    public async Task<bool> RevokeByIdAsync(Guid userId, Guid publicId, DateTimeOffset now)
    {
        await using var cmd = db.CreateCommand(
            "UPDATE sessions SET revoked = true, revoked_at = @now WHERE user_id = @u AND public_id = @p AND NOT revoked");
        cmd.Parameters.AddWithValue("u", userId);
        cmd.Parameters.AddWithValue("p", publicId);
        cmd.Parameters.AddWithValue("now", now);
        return await cmd.ExecuteNonQueryAsync() > 0;
    }

    /// <summary>Revokes every session of the user except <paramref name="keep"/>; returns how many ended.</summary>
    public async Task<int> RevokeAllExceptAsync(Guid userId, byte[]? keep, DateTimeOffset now)
    {
        await using var cmd = db.CreateCommand(
            "UPDATE sessions SET revoked = true, revoked_at = @now WHERE user_id = @u AND NOT revoked AND id_hash <> @keep");
        cmd.Parameters.AddWithValue("u", userId);
        cmd.Parameters.AddWithValue("keep", keep ?? []);
        cmd.Parameters.AddWithValue("now", now);
        return await cmd.ExecuteNonQueryAsync();
    }

    private static string? Truncate(string? address) => address is { Length: > 64 } ? address[..64] : address;
}
