using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using Skriptoteket.Grains.Hosting;
using Skriptoteket.Grains.Persistence;
using Skriptoteket.TestSupport;

namespace Skriptoteket.Grains.Tests;

/// <summary>
/// An in-process cluster of two silos whose grain storage, reminders and query tables live in a fresh,
/// migrated PostgreSQL database: the same providers as production, only the membership is in-process.
/// Shared by every grain test; each test uses fresh grain keys.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const string ConnectionStringKey = "Skriptoteket:TestConnectionString";

    public TestCluster Cluster { get; private set; } = null!;

    public TestDatabase Database { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("grains");
        var builder = new TestClusterBuilder(initialSilosCount: 2);
        builder.Properties[ConnectionStringKey] = Database.ConnectionString;
        builder.Properties["Execution:RunnerImage"] = TestEnvironment.RunnerImage;
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await Database.DisposeAsync();
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            var connectionString = silo.Configuration[ConnectionStringKey]!;
            silo.AddAdoNetGrainStorage(StorageNames.Store, o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = connectionString;
            });
            silo.UseAdoNetReminderService(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = connectionString;
            });
            silo.Services.AddSkriptoteketGrainServices(connectionString);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
