using System.Text;
using Skriptoteket.Grains.Tools;
using Skriptoteket.Grains.Abstractions.Catalog;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Suggestions;
using Skriptoteket.Grains.Abstractions.Tools;
using Skriptoteket.Grains.Abstractions.Tools.Examples;
using static Skriptoteket.Grains.Tests.Tools.ToolTestKit;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;

namespace Skriptoteket.Grains.Tests.Tools;

/// <summary>
/// Tool maintainers (issue 22) on the real cluster and PostgreSQL: who may name them, who can be one, what a
/// maintainer may do on that tool (and only that tool), and that a removal takes effect at the next call.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ToolMaintainerGrainTests(ClusterFixture fixture)
{
    private const string Script = "def run_tool(input_path, output_dir):\n    return '<p>klart</p>'\n";
    private static readonly RunInputFile Input = new("namn.txt", Encoding.UTF8.GetBytes("Astrid"));

    [Fact]
    public async Task A_maintainer_works_on_every_version_of_the_tool_and_submits_but_never_publishes()
    {
        var kit = new ToolTestKit(fixture);
        var maintainer = await IdentityTestUsers.InsertAsync(fixture, Role.Contributor);
        var (tool, active) = await kit.NewToolWithActiveAsync(kit.Admin);
        var othersDraft = await tool.CreateDraftAsync(kit.OtherContributor, null);
        await tool.AddMaintainerAsync(kit.Admin, maintainer.UserId);

        var seen = await tool.GetAsync(maintainer);
        Assert.True(seen.MayWorkOnTool);
        Assert.Equal([maintainer.UserId], seen.Maintainers);
        Assert.Contains(seen.Versions, v => v.Id == active.Id);
        Assert.Contains(seen.Versions, v => v.Id == othersDraft.Id);
        Assert.Equal(StarterScript.Source, (await tool.GetActiveVersionAsync(maintainer)).Source);

        // The tool's current script, another's draft: derive, save, submit.
        var mine = await tool.CreateDraftAsync(maintainer, active.Id);
        var saved = await tool.SaveAsync(maintainer, new SaveVersionCommand(mine.Id, Script, null, "Bättre"));
        var savedOthers = await tool.SaveAsync(maintainer, new SaveVersionCommand(othersDraft.Id, Script, null, "Hjälp"));
        var submitted = await tool.SubmitForReviewAsync(maintainer, savedOthers.Id, "Klar");
        Assert.Equal(VersionState.InReview, submitted.State);

        // Publishing, requesting changes, rollback, the catalog flag, metadata and maintainers stay with admins.
        await Refused(ErrorCode.Forbidden, () => tool.PublishVersionAsync(maintainer, submitted.Id));
        await Refused(ErrorCode.Forbidden, () => tool.RequestChangesAsync(maintainer, submitted.Id, null));
        await Refused(ErrorCode.Forbidden, () => tool.RollbackAsync(maintainer, active.Id));
        await Refused(ErrorCode.Forbidden, () => tool.PublishAsync(maintainer));
        await Refused(ErrorCode.Forbidden, () => tool.DepublishAsync(maintainer));
        await Refused(ErrorCode.Forbidden, () => tool.UpdateMetadataAsync(maintainer, Metadata()));
        await Refused(ErrorCode.Forbidden, () => tool.AddMaintainerAsync(maintainer, kit.Contributor.UserId));
        await Refused(ErrorCode.Forbidden, () => tool.RemoveMaintainerAsync(maintainer, maintainer.UserId));

        var published = await tool.PublishVersionAsync(kit.Admin, submitted.Id);
        Assert.Equal(maintainer.UserId, (await tool.GetAsync(kit.Admin)).Versions.Single(v => v.Id == saved.Id).CreatedBy);
        Assert.Equal(VersionState.Active, published.State);
    }

    [Fact]
    public async Task A_contributor_who_does_not_maintain_the_tool_is_refused_every_maintainer_method()
    {
        var kit = new ToolTestKit(fixture);
        var maintainer = await IdentityTestUsers.InsertAsync(fixture, Role.Contributor);
        var (tool, active) = await kit.NewToolWithActiveAsync(kit.Admin);
        var (otherTool, _) = await kit.NewToolWithActiveAsync(kit.Admin);
        await otherTool.AddMaintainerAsync(kit.Admin, maintainer.UserId);
        var draft = await tool.CreateDraftAsync(kit.Admin, active.Id);
        var examples = fixture.Grains.GetGrain<IToolExamplesGrain>(tool.GetPrimaryKey());

        // Maintaining one tool gives nothing on another: its versions stay hidden, its examples refused.
        foreach (var outsider in new[] { maintainer, kit.Contributor })
        {
            var seen = await tool.GetAsync(outsider);
            Assert.False(seen.MayWorkOnTool);
            Assert.Empty(seen.Versions);
            await Refused(ErrorCode.NotFound, () => tool.GetVersionAsync(outsider, draft.Id));
            await Refused(ErrorCode.NotFound, () => tool.GetActiveVersionAsync(outsider));
            await Refused(ErrorCode.NotFound, () => tool.CreateDraftAsync(outsider, active.Id));
            await Refused(ErrorCode.NotFound, () => tool.SaveAsync(outsider, new SaveVersionCommand(draft.Id, Script, null, null)));
            await Refused(ErrorCode.NotFound, () => tool.SubmitForReviewAsync(outsider, draft.Id, null));
            await Refused(ErrorCode.Forbidden, () => examples.AddAsync(outsider, new NewExample("Exempel", null, [Input])));
            await Refused(ErrorCode.NotFound, () => fixture.Grains.GetGrain<IRunGrain>(Guid.NewGuid())
                .StartAsync(RunRequest.Sandbox(draft.Id, outsider, [Input])));
        }
    }

    [Fact]
    public async Task A_maintainer_manages_the_examples_and_sandbox_runs_any_version_and_a_removal_takes_effect_at_once()
    {
        var kit = new ToolTestKit(fixture);
        var maintainer = await IdentityTestUsers.InsertAsync(fixture, Role.Contributor);
        var (tool, active) = await kit.NewToolWithActiveAsync(kit.Admin);
        var examples = fixture.Grains.GetGrain<IToolExamplesGrain>(tool.GetPrimaryKey());
        await tool.AddMaintainerAsync(kit.Admin, maintainer.UserId);

        var example = await examples.AddAsync(maintainer, new NewExample("Klasslista", null, [Input]));
        await examples.RenameAsync(maintainer, example.Id, "Klasslista 7A");
        var run = await fixture.Grains.GetGrain<IRunGrain>(Guid.NewGuid()).StartAsync(RunRequest.Sandbox(active.Id, maintainer, [Input]));
        Assert.Equal(maintainer.UserId, run.RequestedBy);
        Assert.Equal([tool.GetPrimaryKey()], (await fixture.Grains.GetGrain<ICatalogGrain>(0).ListMyToolsAsync(maintainer)).Select(t => t.Id));

        var after = await tool.RemoveMaintainerAsync(kit.Admin, maintainer.UserId);
        Assert.Empty(after.Maintainers);
        await Refused(ErrorCode.NotFound, () => tool.CreateDraftAsync(maintainer, active.Id));
        await Refused(ErrorCode.Forbidden, () => examples.DeleteAsync(maintainer, example.Id));
        await Refused(ErrorCode.NotFound, () => fixture.Grains.GetGrain<IRunGrain>(Guid.NewGuid())
            .StartAsync(RunRequest.Sandbox(active.Id, maintainer, [Input])));
        Assert.Empty(await fixture.Grains.GetGrain<ICatalogGrain>(0).ListMyToolsAsync(maintainer));
    }

    [Fact]
    public async Task Only_admins_name_maintainers_only_active_contributors_can_be_named_and_each_change_is_audited()
    {
        var kit = new ToolTestKit(fixture);
        var tool = await kit.NewToolAsync();
        var toolId = tool.GetPrimaryKey();
        var contributor = await IdentityTestUsers.InsertAsync(fixture, Role.Contributor);
        var user = await IdentityTestUsers.InsertAsync(fixture, Role.User);
        var admin = await IdentityTestUsers.InsertAsync(fixture, Role.Admin);

        await Refused(ErrorCode.Forbidden, () => tool.AddMaintainerAsync(kit.Contributor, contributor.UserId));
        var plain = await Refused(ErrorCode.Validation, () => tool.AddMaintainerAsync(kit.Admin, user.UserId));
        Assert.Equal("Maintainers.NotContributor", plain.Key);
        Assert.Contains("kan inte underhålla verktyg", plain.Message);
        await Refused(ErrorCode.NotFound, () => tool.AddMaintainerAsync(kit.Admin, Guid.NewGuid()));
        await fixture.Grains.GetGrain<IUserAccountGrain>(contributor.UserId).DeactivateAsync(admin);
        Assert.Equal("Maintainers.Deactivated",
            (await Refused(ErrorCode.Validation, () => tool.AddMaintainerAsync(kit.Admin, contributor.UserId))).Key);
        await fixture.Grains.GetGrain<IUserAccountGrain>(contributor.UserId).ReactivateAsync(admin);

        await tool.AddMaintainerAsync(kit.Admin, contributor.UserId);
        await tool.AddMaintainerAsync(kit.Admin, contributor.UserId); // already one: unchanged, no second audit row
        await tool.AddMaintainerAsync(kit.Admin, admin.UserId);
        Assert.Equal([contributor.UserId, admin.UserId], await RowsAsync(toolId));
        await tool.RemoveMaintainerAsync(kit.Admin, contributor.UserId);
        Assert.Equal([admin.UserId], await RowsAsync(toolId));
        // The maintainers live in the stored state: a lost row comes back when the grain activates again.
        await fixture.Database.ScalarAsync<int>($"DELETE FROM tool_maintainers WHERE tool_id = '{toolId}' RETURNING 1");
        await fixture.Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        Assert.Equal([admin.UserId], (await tool.GetAsync(kit.Admin)).Maintainers);
        Assert.Equal([admin.UserId], await RowsAsync(toolId));
        Assert.Equal(["tool.maintainer_added", "tool.maintainer_added", "tool.maintainer_removed"], await AuditAsync(toolId));
    }

    [Fact]
    public async Task Accepting_a_suggestion_can_name_its_contributor_first_maintainer()
    {
        var kit = new ToolTestKit(fixture);
        var submitter = await IdentityTestUsers.InsertAsync(fixture, Role.Contributor);
        var id = Guid.NewGuid();
        var suggestion = fixture.Grains.GetGrain<ISuggestionGrain>(id);
        await suggestion.SubmitAsync(submitter, new SuggestionDraft($"Förslag {id:N}", "Läser en klasslista.", ["larare"], ["administration"]));

        var decided = await suggestion.DecideAsync(kit.Admin, new SuggestionDecision(SuggestionDecisionKind.Accept, "Bra", null, MakeSubmitterMaintainer: true));

        var tool = await kit.Tool(decided.ToolId!.Value).GetAsync(submitter);
        Assert.Equal([submitter.UserId], tool.Maintainers);
        Assert.True(tool.MayWorkOnTool);
    }

    private async Task<List<Guid>> RowsAsync(Guid toolId)
    {
        await using var db = fixture.Database.CreateDataSource();
        await using var cmd = db.CreateCommand("SELECT user_id FROM tool_maintainers WHERE tool_id = @t ORDER BY added_at");
        cmd.Parameters.AddWithValue("t", toolId);
        var ids = new List<Guid>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }
        return ids;
    }

    private async Task<List<string>> AuditAsync(Guid toolId)
    {
        await using var db = fixture.Database.CreateDataSource();
        await using var cmd = db.CreateCommand(
            "SELECT action FROM audit_log WHERE target_id = @t AND action LIKE 'tool.maintainer%' ORDER BY id");
        cmd.Parameters.AddWithValue("t", toolId.ToString());
        var actions = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            actions.Add(reader.GetString(0));
        }
        return actions;
    }
}
