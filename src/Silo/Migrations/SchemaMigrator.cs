using DbUp;
using DbUp.Engine.Output;
using Npgsql;

namespace Skriptoteket.Silo.Migrations;

/// <summary>
/// Applies the embedded SQL migrations (Schema/NNNN_*.sql) with DbUp, each in its own transaction,
/// journaled in table schemaversions so a second start changes nothing. An advisory lock keeps two
/// hosts starting at once from racing.
/// </summary>
public sealed class SchemaMigrator(string connectionString, ILogger logger)
{
    // Any constant works; it only has to be the same for every host of this product.
    private const long MigrationLockKey = 0x536b7269707400;

    public async Task<IReadOnlyList<string>> ApplyAsync(CancellationToken cancellationToken)
    {
        await using var lockConnection = new NpgsqlConnection(connectionString);
        await lockConnection.OpenAsync(cancellationToken);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", lockConnection))
        {
            take.Parameters.AddWithValue("key", MigrationLockKey);
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            var upgrader = DeployChanges.To
                .PostgresqlDatabase(connectionString)
                .WithScriptsEmbeddedInAssembly(typeof(SchemaMigrator).Assembly, name => name.EndsWith(".sql"))
                .WithTransactionPerScript()
                .WithVariablesDisabled() // $q$ dollar quotes are PostgreSQL, not DbUp variables
                .LogTo(new DbUpLogger(logger))
                .Build();

            var result = upgrader.PerformUpgrade();
            if (!result.Successful)
            {
                throw new InvalidOperationException(
                    $"Schema migration failed in script '{result.ErrorScript?.Name}'.", result.Error);
            }
            return result.Scripts.Select(s => s.Name).ToList();
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", lockConnection);
            release.Parameters.AddWithValue("key", MigrationLockKey);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>Routes DbUp's messages into the host's structured log.</summary>
    private sealed class DbUpLogger(ILogger logger) : IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) => logger.LogTrace(format, args);
        public void LogDebug(string format, params object[] args) => logger.LogDebug(format, args);
        public void LogInformation(string format, params object[] args) => logger.LogInformation(format, args);
        public void LogWarning(string format, params object[] args) => logger.LogWarning(format, args);
        public void LogError(string format, params object[] args) => logger.LogError(format, args);
        public void LogError(Exception ex, string format, params object[] args) => logger.LogError(ex, format, args);
    }
}
