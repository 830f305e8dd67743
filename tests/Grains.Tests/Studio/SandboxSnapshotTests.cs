using System.Text;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Tests.Tools;
using Skriptoteket.TestSupport;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;

namespace Skriptoteket.Grains.Tests.Studio;

/// <summary>Sandbox runs of unsaved editor text: they run the snapshot, keep it with the run, add no version.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SandboxSnapshotTests(ClusterFixture fixture)
{
    private const string Unsaved = "def visa(input_path, output_dir):\n    print('osparad')\n    return '<p>Osparad text</p>'\n";

    private static readonly RunInputFile Input = new("namn.txt", Encoding.UTF8.GetBytes("Astrid"));

    [Fact]
    public async Task The_unsaved_text_runs_and_is_kept_with_the_run_without_a_new_version()
    {
        var author = new ActingUser(Guid.NewGuid(), Role.Contributor);
        var (toolId, versionId, _) = await ToolRows.InsertAsync(fixture.Database, RunGrainTests.Greeting, author.UserId, published: false);
        var versionsBefore = await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM tool_versions WHERE tool_id = '{toolId}'");
        var grain = fixture.Grains.GetGrain<IRunGrain>(Guid.NewGuid());

        await grain.StartAsync(RunRequest.SandboxSnapshot(versionId, author, [Input], Unsaved, "visa"));
        var done = await (await RunGrainTests.WatchAsync(fixture, grain, author)).FinishedAsync();

        Assert.Equal(RunStatus.Succeeded, done.Status);
        Assert.Equal("<p>Osparad text</p>", done.Output.Html);
        Assert.True(done.FromEditor);
        Assert.Equal(Unsaved, done.SnapshotSource);
        Assert.Equal("visa", done.SnapshotEntrypoint);
        Assert.Equal(versionId, done.VersionId);
        Assert.Equal(versionsBefore, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM tool_versions WHERE tool_id = '{toolId}'"));

        var admin = new ActingUser(Guid.NewGuid(), Role.Admin);
        var seenByAdmin = await fixture.Grains.GetGrain<IRunGrain>(done.RunId).GetAsync(admin);
        Assert.Equal(Unsaved, seenByAdmin.SnapshotSource);
        var listed = await fixture.Grains.GetGrain<IRunQueryGrain>(0).ListSandboxAsync(author, toolId, 5);
        var row = Assert.Single(listed);
        Assert.True(row.FromEditor);
        Assert.Null(row.SnapshotSource);
    }

    [Fact]
    public async Task Another_contributor_cannot_run_text_on_behalf_of_a_version_they_did_not_write()
    {
        var author = new ActingUser(Guid.NewGuid(), Role.Contributor);
        var stranger = new ActingUser(Guid.NewGuid(), Role.Contributor);
        var (toolId, versionId, _) = await ToolRows.InsertAsync(fixture.Database, RunGrainTests.Greeting, author.UserId, published: false);

        await ToolTestKit.Refused(ErrorCode.NotFound, () => fixture.Grains.GetGrain<IRunGrain>(Guid.NewGuid())
            .StartAsync(RunRequest.SandboxSnapshot(versionId, stranger, [Input], Unsaved, "visa")));
        Assert.Empty(await fixture.Grains.GetGrain<IRunQueryGrain>(0).ListSandboxAsync(stranger, toolId, 5));
    }

    [Fact]
    public async Task A_bad_entrypoint_name_is_refused_before_anything_runs()
    {
        var author = new ActingUser(Guid.NewGuid(), Role.Contributor);
        var (_, versionId, _) = await ToolRows.InsertAsync(fixture.Database, RunGrainTests.Greeting, author.UserId, published: false);

        await ToolTestKit.Refused(ErrorCode.Validation, () => fixture.Grains.GetGrain<IRunGrain>(Guid.NewGuid())
            .StartAsync(RunRequest.SandboxSnapshot(versionId, author, [Input], Unsaved, "import os")));
    }
}
