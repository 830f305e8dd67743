using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Skriptoteket.Silo.Migrations;

namespace Skriptoteket.TestSupport;

/// <summary>A fresh, fully migrated PostgreSQL database for one test class or fixture; dropped on dispose.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(string purpose, bool migrate = true)
    {
        var name = $"skt_{purpose}_{Guid.NewGuid():N}"[..40].ToLowerInvariant();
        await ExecuteAsAdminAsync($"CREATE DATABASE \"{name}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(TestEnvironment.AdminConnectionString)
        {
            Database = name,
            Pooling = true,
        }.ConnectionString;
        var database = new TestDatabase(name, connectionString);
        if (migrate)
        {
            await database.MigrateAsync();
        }
        return database;
    }

    public Task<IReadOnlyList<string>> MigrateAsync() =>
        new SchemaMigrator(ConnectionString, NullLogger.Instance).ApplyAsync(CancellationToken.None);

    public NpgsqlDataSource CreateDataSource() => NpgsqlDataSource.Create(ConnectionString);

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var db = CreateDataSource();
        await using var cmd = db.CreateCommand(sql);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        // PostgreSQL 15 refuses DROP ... WITH (FORCE) from a non-superuser while an autovacuum worker is busy in the
        // database (42501: the worker has no role we may signal). The worker finishes within moments; try again.
        await Eventually.UntilAsync(async () =>
            {
                await ExecuteAsAdminAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
                return true;
            }, TimeSpan.FromSeconds(10), $"database {Name} dropped", TimeSpan.FromMilliseconds(200),
            tolerate: e => e is PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege });
    }

    private static async Task ExecuteAsAdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestEnvironment.AdminConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }
}
