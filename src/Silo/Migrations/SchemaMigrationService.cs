namespace Skriptoteket.Silo.Migrations;

/// <summary>
/// Brings the database schema up to date before the host starts (see HostComposition.PrepareDatabaseAsync): the Orleans
/// ADO.NET providers read their queries from the schema when the silo starts.
/// </summary>
internal sealed class SchemaMigrationService(
    DatabaseSettings database,
    ILogger<SchemaMigrationService> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var applied = await new SchemaMigrator(database.ConnectionString, logger).ApplyAsync(cancellationToken);
        logger.LogInformation("Schema up to date; {Count} migration(s) applied now: {Scripts}",
            applied.Count, string.Join(", ", applied));
    }

}
