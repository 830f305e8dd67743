using Skriptoteket.TestSupport;

namespace Skriptoteket.Integration.Tests;

/// <summary>Starts hosts against a database of their own and cleans both up.</summary>
public abstract class HostTestBase : IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = null!;

    private readonly List<HostProcess> hosts = [];

    public async Task InitializeAsync() => Database = await TestDatabase.CreateAsync(GetType().Name.ToLowerInvariant()[..8], migrate: false);

    protected async Task<HostProcess> StartHostAsync(IDictionary<string, string>? settings = null)
    {
        var host = await HostProcess.StartAsync(Database.ConnectionString, settings);
        hosts.Add(host);
        return host;
    }

    public async Task DisposeAsync()
    {
        foreach (var host in hosts)
        {
            await host.DisposeAsync();
        }
        await Database.DisposeAsync();
    }
}
