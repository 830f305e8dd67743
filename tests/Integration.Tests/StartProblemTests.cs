using Npgsql;
using Skriptoteket.TestSupport;

namespace Skriptoteket.Integration.Tests;

/// <summary>A host that cannot reach its database says why in one line an operator can act on, not in a stack trace.</summary>
public sealed class StartProblemTests : HostTestBase
{
    [Fact]
    public async Task A_database_that_does_not_exist_is_named_in_one_line_and_the_host_exits()
    {
        var missing = "finns_inte_" + Guid.NewGuid().ToString("N")[..8];
        var connection = new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Database = missing }.ConnectionString;

        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => HostProcess.StartAsync(connection));

        Assert.Contains("exited with code 1", failed.Message);
        Assert.Contains($"Skriptoteket cannot start: The database in ConnectionStrings:Skriptoteket", failed.Message);
        Assert.Contains($"\"{missing}\" does not exist", failed.Message);
        Assert.DoesNotContain("Unhandled exception", failed.Message);
        Assert.DoesNotContain("   at ", failed.Message);
    }

    [Fact]
    public async Task A_malformed_connection_string_is_named_in_one_line_and_the_host_exits()
    {
        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => HostProcess.StartAsync(Database.ConnectionString + ";Password='x"));

        Assert.Contains("exited with code 1", failed.Message);
        Assert.Contains("is not a valid connection string", failed.Message);
        Assert.DoesNotContain("   at ", failed.Message);
    }
}
