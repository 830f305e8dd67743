using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using Skriptoteket.Grains.Execution;
using Skriptoteket.Grains.Hosting;
using Skriptoteket.Grains.Persistence;
using Skriptoteket.TestSupport;

namespace Skriptoteket.Grains.Tests;

/// <summary>
/// An in-process cluster of two silos whose grain storage, reminders and query tables live in a fresh,
/// migrated PostgreSQL database: the same providers as production, only the membership is in-process.
/// Shared by every grain test; each test uses fresh grain keys. The one way grain tests build a cluster: a test that
/// needs another setting derives from it (<see cref="Tools.FourEyesTests"/>).
/// </summary>
public class ClusterFixture : IAsyncLifetime
{
    public const string ConnectionStringKey = "Skriptoteket:TestConnectionString";

    /// <summary>TestCluster's name of the first silo; the only one with Execution:Enabled.</summary>
    public const string PrimarySiloName = "Primary";

    /// <summary>Uploads:MaxFileBytes of the silos (1 MB); Uploads:MaxRunBytes is one and a half of it.</summary>
    public const int MaxUploadFileBytes = 1024 * 1024;

    /// <summary>
    /// The session clock of every silo (<see cref="Skriptoteket.Grains.Sessions.SessionClock"/>): session expiry moves only when a test
    /// advances it; Orleans' own timers and reminders keep the real clock.
    /// </summary>
    public static FakeTimeProvider SessionTime { get; } = new(DateTimeOffset.UtcNow);

    public TestCluster Cluster { get; private set; } = null!;

    public TestDatabase Database { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    protected virtual string DatabaseName => "grains";

    protected virtual short Silos => 2;

    /// <summary>Settings a derived fixture adds to (or changes in) the silos' configuration.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(DatabaseName);
        var builder = new TestClusterBuilder(Silos);
        builder.Properties[ConnectionStringKey] = Database.ConnectionString;
        builder.Properties["Execution:RunnerImage"] = TestEnvironment.RunnerImage;
        // Runs: one slot and a short queue per silo so queue tests stay small; short timeouts keep tests fast.
        builder.Properties["Execution:MaxConcurrentRuns"] = "1";
        builder.Properties["Execution:MaxQueuedRuns"] = "2";
        builder.Properties["Execution:SandboxTimeoutSeconds"] = "10";
        // Small upload limits, so per-file and per-run refusals are tested without large buffers.
        builder.Properties["Uploads:MaxFileBytes"] = MaxUploadFileBytes.ToString();
        builder.Properties["Uploads:MaxRunBytes"] = (MaxUploadFileBytes * 3 / 2).ToString();
        builder.Properties["Execution:ProductionTimeoutSeconds"] = "10";
        builder.Properties["Execution:HardKillMarginSeconds"] = "10";
        foreach (var (key, value) in Settings)
        {
            builder.Properties[key] = value;
        }
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
            silo.Services.AddKeyedSingleton<TimeProvider>(Skriptoteket.Grains.Sessions.SessionClock.Key, SessionTime);
            silo.Services.AddSkriptoteketGrainServices(connectionString);
            // Only the primary silo has Docker access: run grains must never be placed on the secondary.
            silo.Services.AddSingleton<IPostConfigureOptions<ExecutionOptions>>(services =>
                new PostConfigureOptions<ExecutionOptions, ILocalSiloDetails>(null, services.GetRequiredService<ILocalSiloDetails>(),
                    (o, local) => o.Enabled = local.Name == PrimarySiloName));
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
