using Skriptoteket.TestSupport;

namespace Skriptoteket.Web.Tests.Tools;

/// <summary>A real host on a fresh database, for anonymous requests only.</summary>
public sealed class PlainHostFixture : IAsyncLifetime
{
    public HostProcess Host { get; private set; } = null!;

    public TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("toolsplain", migrate: false);
        Host = await HostProcess.StartAsync(Database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Database.DisposeAsync();
    }
}
