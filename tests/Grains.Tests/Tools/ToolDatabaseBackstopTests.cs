using Npgsql;
using Skriptoteket.TestSupport;

namespace Skriptoteket.Grains.Tests.Tools;

/// <summary>The database alone (no grain involved) refuses a second active version and changed source.</summary>
public sealed class ToolDatabaseBackstopTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync("backstop");

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task A_second_active_row_for_one_tool_is_refused_by_the_unique_index()
    {
        await using var db = database.CreateDataSource();
        var tool = Guid.NewGuid();
        await ExecAsync(db, $"INSERT INTO tools (id, slug, title) VALUES ('{tool}', 'backstop', 'B')");
        await ExecAsync(db, InsertVersion(tool, 1, "active"));
        await ExecAsync(db, InsertVersion(tool, 2, "archived"));

        var second = await Assert.ThrowsAsync<PostgresException>(() => ExecAsync(db, InsertVersion(tool, 3, "active")));
        var promoted = await Assert.ThrowsAsync<PostgresException>(() =>
            ExecAsync(db, $"UPDATE tool_versions SET state = 'active' WHERE tool_id = '{tool}' AND number = 2"));
        var edited = await Assert.ThrowsAsync<PostgresException>(() =>
            ExecAsync(db, $"UPDATE tool_versions SET source = 'changed' WHERE tool_id = '{tool}' AND number = 1"));

        Assert.Equal(PostgresErrorCodes.UniqueViolation, second.SqlState);
        Assert.Equal("tool_versions_one_active", second.ConstraintName);
        Assert.Equal(PostgresErrorCodes.UniqueViolation, promoted.SqlState);
        Assert.Contains("immutable", edited.MessageText);
        Assert.Equal(1L, await database.ScalarAsync<long>($"SELECT count(*) FROM tool_versions WHERE tool_id = '{tool}' AND state = 'active'"));
    }

    private static string InsertVersion(Guid tool, int number, string state) =>
        $"""
        INSERT INTO tool_versions (id, tool_id, number, state, source, content_sha256, created_by)
        VALUES ('{Guid.NewGuid()}', '{tool}', {number}, '{state}', 'x', '{new string('0', 64)}', '{Guid.NewGuid()}')
        """;

    private static async Task ExecAsync(NpgsqlDataSource db, string sql)
    {
        await using var cmd = db.CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync();
    }
}
