using Orleans.TestingHost;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Hosting;
using Skriptoteket.Grains.Persistence;
using Skriptoteket.TestSupport;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;

namespace Skriptoteket.Grains.Tests.Tools;

/// <summary>With Tools:RequireFourEyes=true, the author of a version may not publish it; another admin may.</summary>
public sealed class FourEyesTests : IAsyncLifetime
{
    private TestDatabase database = null!;
    private TestCluster cluster = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync("foureyes");
        var builder = new TestClusterBuilder(initialSilosCount: 1);
        builder.Properties[ClusterFixture.ConnectionStringKey] = database.ConnectionString;
        builder.Properties["Execution:RunnerImage"] = TestEnvironment.RunnerImage;
        builder.Properties["Tools:RequireFourEyes"] = "true";
        builder.AddSiloBuilderConfigurator<FourEyesSilo>();
        cluster = builder.Build();
        await cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await cluster.StopAllSilosAsync();
        await cluster.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task The_author_cannot_publish_their_own_version_but_another_admin_can()
    {
        var admin = new Abstractions.Identity.ActingUser(Guid.NewGuid(), Abstractions.Identity.Role.Admin);
        var other = new Abstractions.Identity.ActingUser(Guid.NewGuid(), Abstractions.Identity.Role.Admin);
        var tool = cluster.GrainFactory.GetGrain<Abstractions.Tools.IToolGrain>(Guid.NewGuid());
        await tool.CreateAsync(admin, ToolTestKit.Metadata(), null);
        var draft = await tool.CreateDraftAsync(admin, null);
        await tool.SubmitForReviewAsync(admin, draft.Id, null);

        await ToolTestKit.Refused(ErrorCode.Forbidden, () => tool.PublishVersionAsync(admin, draft.Id));
        var active = await tool.PublishVersionAsync(other, draft.Id);

        Assert.Equal(other.UserId, active.PublishedBy);
        Assert.Equal(admin.UserId, active.CreatedBy);
    }

    private sealed class FourEyesSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            var connectionString = silo.Configuration[ClusterFixture.ConnectionStringKey]!;
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
