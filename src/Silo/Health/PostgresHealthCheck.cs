using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Skriptoteket.Silo.Health;

internal sealed class PostgresHealthCheck(NpgsqlDataSource db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var cmd = db.CreateCommand("SELECT current_setting('server_version')");
            var version = (string?)await cmd.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy($"PostgreSQL {version}");
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL does not answer.", ex);
        }
    }
}
