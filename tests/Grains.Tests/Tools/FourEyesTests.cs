using Skriptoteket.Grains.Abstractions.Errors;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;

namespace Skriptoteket.Grains.Tests.Tools;

/// <summary>With Tools:RequireFourEyes=true, the author of a version may not publish it; another admin may.</summary>
public sealed class FourEyesTests(FourEyesTests.FourEyesCluster fixture) : IClassFixture<FourEyesTests.FourEyesCluster>
{
    /// <summary>The grain tests' cluster, on one silo, with four-eyes on.</summary>
    public sealed class FourEyesCluster : ClusterFixture
    {
        protected override string DatabaseName => "foureyes";

        protected override short Silos => 1;

        protected override IReadOnlyDictionary<string, string> Settings =>
            new Dictionary<string, string> { ["Tools:RequireFourEyes"] = "true" };
    }

    [Fact]
    public async Task The_author_cannot_publish_their_own_version_but_another_admin_can()
    {
        var admin = new Abstractions.Identity.ActingUser(Guid.NewGuid(), Abstractions.Identity.Role.Admin);
        var other = new Abstractions.Identity.ActingUser(Guid.NewGuid(), Abstractions.Identity.Role.Admin);
        var tool = fixture.Grains.GetGrain<Abstractions.Tools.IToolGrain>(Guid.NewGuid());
        await tool.CreateAsync(admin, ToolTestKit.Metadata(), null);
        var draft = await tool.CreateDraftAsync(admin, null);
        await tool.SubmitForReviewAsync(admin, draft.Id, null);

        await ToolTestKit.Refused(ErrorCode.Forbidden, () => tool.PublishVersionAsync(admin, draft.Id));
        var active = await tool.PublishVersionAsync(other, draft.Id);

        Assert.Equal(other.UserId, active.PublishedBy);
        Assert.Equal(admin.UserId, active.CreatedBy);
    }
}
