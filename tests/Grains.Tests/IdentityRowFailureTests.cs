using Skriptoteket.Grains.Abstractions.Identity;

namespace Skriptoteket.Grains.Tests;

/// <summary>
/// A failed users-row write must not leave a deactivated or demoted user active: logins and sessions read the
/// row, so a retry has to finish the whole change. The fault is a real PostgreSQL trigger on that user's row.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class IdentityRowFailureTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_retried_deactivation_after_a_failed_row_write_deactivates_the_row_and_revokes_sessions()
    {
        var admin = IdentityTestUsers.Nobody(Role.Admin);
        var user = await IdentityTestUsers.InsertAsync(fixture, Role.Contributor);
        var grain = fixture.Grains.GetGrain<IUserAccountGrain>(user.UserId);
        await AddSessionAsync(user.UserId);

        await using (await FailRowUpdatesAsync(user.UserId))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => grain.DeactivateAsync(admin));
        }
        await grain.DeactivateAsync(admin);

        var (role, active, liveSessions) = await ReadAsync(user.UserId);
        Assert.Equal("contributor", role);
        Assert.False(active);
        Assert.Equal(0, liveSessions);
    }

    [Fact]
    public async Task A_retried_demotion_after_a_failed_row_write_demotes_the_row_and_revokes_sessions()
    {
        var admin = IdentityTestUsers.Nobody(Role.Admin);
        var user = await IdentityTestUsers.InsertAsync(fixture, Role.Contributor);
        var grain = fixture.Grains.GetGrain<IUserAccountGrain>(user.UserId);
        await AddSessionAsync(user.UserId);

        await using (await FailRowUpdatesAsync(user.UserId))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => grain.ChangeRoleAsync(admin, Role.User));
        }
        Assert.Equal(Role.Contributor, (await grain.GetAsync(admin)).Role);
        await grain.ChangeRoleAsync(admin, Role.User);

        var (role, active, liveSessions) = await ReadAsync(user.UserId);
        Assert.Equal("user", role);
        Assert.True(active);
        Assert.Equal(0, liveSessions);
    }

    [Fact]
    public async Task Repeating_a_deactivation_repairs_a_row_that_still_says_active()
    {
        var admin = IdentityTestUsers.Nobody(Role.Admin);
        var user = await IdentityTestUsers.InsertAsync(fixture, Role.Contributor);
        var grain = fixture.Grains.GetGrain<IUserAccountGrain>(user.UserId);
        await grain.DeactivateAsync(admin);
        await ExecuteAsync($"UPDATE users SET is_active = true WHERE id = '{user.UserId}'");
        await AddSessionAsync(user.UserId);

        await grain.DeactivateAsync(admin);

        var (_, active, liveSessions) = await ReadAsync(user.UserId);
        Assert.False(active);
        Assert.Equal(0, liveSessions);
    }

    private async Task<IAsyncDisposable> FailRowUpdatesAsync(Guid userId)
    {
        var name = $"fail_{userId:N}";
        await ExecuteAsync(
            $"""
            CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'test fault'; END $$;
            CREATE TRIGGER {name} BEFORE UPDATE ON users FOR EACH ROW
            WHEN (OLD.id = '{userId}') EXECUTE FUNCTION {name}();
            """);
        return new Cleanup(() => ExecuteAsync($"DROP TRIGGER {name} ON users; DROP FUNCTION {name}();"));
    }

    private async Task AddSessionAsync(Guid userId) => await ExecuteAsync(
        $"""
        INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at)
        VALUES (decode(md5(random()::text), 'hex'), '{userId}', now(), now(), now() + interval '1 hour')
        """);

    private async Task<(string Role, bool Active, long LiveSessions)> ReadAsync(Guid userId)
    {
        await using var db = fixture.Database.CreateDataSource();
        await using var cmd = db.CreateCommand(
            "SELECT role, is_active, (SELECT count(*) FROM sessions WHERE user_id = @id AND NOT revoked) FROM users WHERE id = @id");
        cmd.Parameters.AddWithValue("id", userId);
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetString(0), reader.GetBoolean(1), reader.GetInt64(2));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var db = fixture.Database.CreateDataSource();
        await using var cmd = db.CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync();
    }

    private sealed class Cleanup(Func<Task> dispose) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await dispose();
    }
}
