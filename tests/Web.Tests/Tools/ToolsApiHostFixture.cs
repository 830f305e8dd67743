using Skriptoteket.TestSupport;

namespace Skriptoteket.Web.Tests.Tools;

/// <summary>One real host on a fresh database for the tools API tests.</summary>
public sealed class ToolsApiHostFixture : IAsyncLifetime
{
    public HostProcess Host { get; private set; } = null!;

    public TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("toolsapi", migrate: false);
        Host = await HostProcess.StartAsync(Database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Database.DisposeAsync();
    }
}
