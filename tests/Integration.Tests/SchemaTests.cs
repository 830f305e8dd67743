using Skriptoteket.TestSupport;

namespace Skriptoteket.Integration.Tests;

public sealed class SchemaTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync("schema", migrate: false);

    public Task DisposeAsync() => database.DisposeAsync().AsTask();

    private const string Fingerprint = """
        SELECT string_agg(table_name || '.' || column_name || ':' || data_type, ',' ORDER BY table_name, column_name)
        FROM information_schema.columns WHERE table_schema = 'public'
        """;

    [Fact]
    public async Task Applying_the_schema_twice_changes_nothing_the_second_time()
    {
        var firstRun = await database.MigrateAsync();
        var shapeAfterFirst = await database.ScalarAsync<string>(Fingerprint);
        var queriesAfterFirst = await database.ScalarAsync<string>("SELECT string_agg(QueryKey || md5(QueryText), ',' ORDER BY QueryKey) FROM OrleansQuery");

        var secondRun = await database.MigrateAsync();

        Assert.NotEmpty(firstRun);
        Assert.Empty(secondRun);
        Assert.Equal(shapeAfterFirst, await database.ScalarAsync<string>(Fingerprint));
        Assert.Equal(queriesAfterFirst, await database.ScalarAsync<string>("SELECT string_agg(QueryKey || md5(QueryText), ',' ORDER BY QueryKey) FROM OrleansQuery"));
    }

    [Fact]
    public async Task Every_query_key_the_providers_require_is_present()
    {
        await database.MigrateAsync();
        string[] required =
        [
            "MembershipReadAllKey", "MembershipReadRowKey", "InsertMembershipVersionKey", "InsertMembershipKey",
            "UpdateMembershipKey", "UpdateIAmAlivetimeKey", "GatewaysQueryKey", "DeleteMembershipTableEntriesKey",
            "CleanupDefunctSiloEntriesKey", "ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey",
            "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key", "ReadRangeRows2Key",
            "UpsertReminderRowKey", "DeleteReminderRowKey", "DeleteReminderRowsKey",
        ];

        var present = (await database.ScalarAsync<string>("SELECT string_agg(QueryKey, ',') FROM OrleansQuery")).Split(',');

        Assert.Empty(required.Except(present));
    }

    [Fact]
    public async Task Two_migrators_at_once_apply_each_script_exactly_once()
    {
        var results = await Task.WhenAll(database.MigrateAsync(), database.MigrateAsync());

        var applied = await database.ScalarAsync<long>("SELECT count(*) FROM schemaversions");
        Assert.Equal(applied, results.Sum(r => r.Count));
        Assert.Equal(applied, await database.ScalarAsync<long>("SELECT count(DISTINCT scriptname) FROM schemaversions"));
    }

    [Fact]
    public async Task The_audit_log_refuses_updates_and_deletes()
    {
        await database.MigrateAsync();
        await database.ScalarAsync<int>("INSERT INTO audit_log (action) VALUES ('test.append') RETURNING 1");

        var update = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => database.ScalarAsync<int>("UPDATE audit_log SET action = 'x' RETURNING 1"));
        var delete = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => database.ScalarAsync<int>("DELETE FROM audit_log RETURNING 1"));

        Assert.Contains("append-only", update.MessageText);
        Assert.Contains("append-only", delete.MessageText);
    }
}
