using Skriptoteket.Grains.Abstractions.Errors;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;
using Skriptoteket.Grains.Abstractions.Tools;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;
using Skriptoteket.Grains.Tools;
using static Skriptoteket.Grains.Tests.Tools.ToolTestKit;

namespace Skriptoteket.Grains.Tests.Tools;

/// <summary>Every legal and illegal move of SPEC §5, per role.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ToolGrainVersionTests(ClusterFixture fixture)
{
    private readonly ToolTestKit kit = new(fixture);

    [Fact]
    public async Task A_first_draft_is_the_starter_script_and_only_contributors_and_above_create_drafts()
    {
        var tool = await kit.NewToolAsync();
        await Refused(ErrorCode.NotFound, () => tool.CreateDraftAsync(kit.User, null));

        var draft = await tool.CreateDraftAsync(kit.Contributor, null);
        var opened = await tool.GetVersionAsync(kit.Contributor, draft.Id);

        Assert.Equal((1, VersionState.Draft, true, "run_tool"), (draft.Number, draft.State, draft.IsHead, draft.Entrypoint));
        Assert.Equal(StarterScript.Source, opened.Source);
        Assert.Equal(ContentHash.Of(StarterScript.Source, "run_tool"), draft.ContentSha256);
        Assert.Equal(StarterScript.Source, await fixture.Database.ScalarAsync<string>(
            $"SELECT source FROM tool_versions WHERE id = '{draft.Id}' AND state = 'draft' AND number = 1"));

        var (published, _) = await kit.NewToolWithActiveAsync(kit.Contributor);
        await published.PublishAsync(kit.Admin);
        await Refused(ErrorCode.Forbidden, () => published.CreateDraftAsync(kit.User, null));
    }

    [Fact]
    public async Task Saving_appends_a_new_record_and_a_stale_base_is_a_conflict()
    {
        var tool = await kit.NewToolAsync();
        var v1 = await tool.CreateDraftAsync(kit.Contributor, null);

        var v2 = await tool.SaveAsync(kit.Contributor, new SaveVersionCommand(v1.Id, "def run_tool(i, o):\n    return 'a'\n", null, "Första"));
        await Refused(ErrorCode.Conflict, () => tool.SaveAsync(kit.Contributor, new SaveVersionCommand(v1.Id, "x", null, "gammal bas")));
        var v3 = await tool.SaveAsync(kit.Contributor, new SaveVersionCommand(v2.Id, "def main(i, o):\n    return 'b'\n", "main", "Andra"));

        Assert.Equal((2, v1.Id), (v2.Number, v2.DerivedFrom));
        Assert.Equal((3, v2.Id, "main"), (v3.Number, v3.DerivedFrom, v3.Entrypoint));
        Assert.Equal(StarterScript.Source, (await tool.GetVersionAsync(kit.Contributor, v1.Id)).Source);
        Assert.Equal("def run_tool(i, o):\n    return 'a'\n", (await tool.GetVersionAsync(kit.Contributor, v2.Id)).Source);
        Assert.False((await tool.GetVersionAsync(kit.Contributor, v1.Id)).Header.IsHead);
        await Refused(ErrorCode.Validation, () => tool.SaveAsync(kit.Contributor, new SaveVersionCommand(v3.Id, "x", "not valid", null)));
    }

    [Fact]
    public async Task Contributors_see_and_change_only_their_own_versions()
    {
        var tool = await kit.NewToolAsync();
        var mine = await tool.CreateDraftAsync(kit.Contributor, null);
        var theirs = await tool.CreateDraftAsync(kit.OtherContributor, null);

        Assert.Equal([mine.Id], (await tool.GetAsync(kit.Contributor)).Versions.Select(v => v.Id));
        Assert.Equal(2, (await tool.GetAsync(kit.Admin)).Versions.Count);
        await Refused(ErrorCode.NotFound, () => tool.GetVersionAsync(kit.Contributor, theirs.Id));
        await Refused(ErrorCode.NotFound, () => tool.SaveAsync(kit.Contributor, new SaveVersionCommand(theirs.Id, "x", null, null)));
        await Refused(ErrorCode.NotFound, () => tool.SubmitForReviewAsync(kit.Contributor, theirs.Id, null));
        await Refused(ErrorCode.NotFound, () => tool.CreateDraftAsync(kit.Contributor, theirs.Id));
        await Refused(ErrorCode.NotFound, () => tool.GetVersionAsync(kit.User, mine.Id));

        // Admins may save anyone's draft; the new record is theirs.
        var byAdmin = await tool.SaveAsync(kit.Admin, new SaveVersionCommand(theirs.Id, "y", null, null));
        Assert.Equal(kit.Admin.UserId, byAdmin.CreatedBy);
    }

    [Fact]
    public async Task Submit_freezes_the_draft_and_request_changes_gives_the_author_a_new_draft()
    {
        var tool = await kit.NewToolAsync();
        var draft = await tool.CreateDraftAsync(kit.Contributor, null);

        var submitted = await tool.SubmitForReviewAsync(kit.Contributor, draft.Id, "  Klar att granska ");
        Assert.Equal((VersionState.InReview, "Klar att granska"), (submitted.State, submitted.ReviewNote));
        await Refused(ErrorCode.Conflict, () => tool.SubmitForReviewAsync(kit.Contributor, draft.Id, null));
        await Refused(ErrorCode.Conflict, () => tool.SaveAsync(kit.Contributor, new SaveVersionCommand(draft.Id, "x", null, null)));
        await Refused(ErrorCode.Forbidden, () => tool.RequestChangesAsync(kit.Contributor, draft.Id, null));
        await Refused(ErrorCode.Forbidden, () => tool.PublishVersionAsync(kit.Contributor, draft.Id));

        var redo = await tool.RequestChangesAsync(kit.Admin, draft.Id, "Lägg till rubriker");
        var archived = (await tool.GetVersionAsync(kit.Admin, draft.Id)).Header;

        Assert.Equal((VersionState.Draft, draft.Id, kit.Contributor.UserId, 2), (redo.State, redo.DerivedFrom, redo.CreatedBy, redo.Number));
        Assert.Equal((VersionState.Archived, kit.Admin.UserId, "Lägg till rubriker"), (archived.State, archived.ReviewedBy, archived.ChangesRequested));
        Assert.Equal("Klar att granska", archived.ReviewNote);
        Assert.Equal(StarterScript.Source, (await tool.GetVersionAsync(kit.Contributor, redo.Id)).Source);
        await Refused(ErrorCode.Conflict, () => tool.RequestChangesAsync(kit.Admin, draft.Id, null));
        await Refused(ErrorCode.Conflict, () => tool.PublishVersionAsync(kit.Admin, draft.Id));
        await Refused(ErrorCode.Conflict, () => tool.PublishVersionAsync(kit.Admin, redo.Id));
    }

    [Fact]
    public async Task A_tool_brought_in_whole_starts_with_its_own_script_checked_like_a_save()
    {
        var tool = await kit.NewToolAsync();
        const string Source = "def run_tool(i, o):\n    return 'ok'\n";

        await Refused(ErrorCode.Validation, () => tool.CreateDraftWithAsync(kit.Admin, new DraftContent(Source, "1fel", null)));
        var draft = await tool.CreateDraftWithAsync(kit.Admin, new DraftContent(Source, null, " Import ", new ToolInputs([], new FileInputs(0, 0))));

        Assert.Equal((1, VersionState.Draft, true, "run_tool", "Import"), (draft.Number, draft.State, draft.IsHead, draft.Entrypoint, draft.ChangeSummary));
        Assert.Null(draft.DerivedFrom);
        Assert.Equal(0, draft.Declared.Files.MaxFiles);
        Assert.Equal(Source, (await tool.GetVersionAsync(kit.Admin, draft.Id)).Source);
        Assert.Single((await tool.GetAsync(kit.Admin)).Versions);
    }

    [Fact]
    public async Task Request_changes_keeps_the_authors_change_summary_and_the_reviewers_note_apart()
    {
        var tool = await kit.NewToolAsync();
        var draft = await tool.CreateDraftAsync(kit.Contributor, null);
        var saved = await tool.SaveAsync(kit.Contributor, new SaveVersionCommand(draft.Id, "def run_tool(i, o):\n    return 'ok'\n", null, "Räknar rader"));
        await tool.SubmitForReviewAsync(kit.Contributor, saved.Id, "Klar");

        var redo = await tool.RequestChangesAsync(kit.Admin, saved.Id, "Lägg till rubriker");
        var requested = (await tool.GetVersionAsync(kit.Admin, saved.Id)).Header;

        // It used to become "Ändringar begärda för version 2", and then the published version's change.
        Assert.Equal(("Räknar rader", null), (redo.ChangeSummary, redo.ChangesRequested));
        Assert.Equal(("Räknar rader", "Klar", "Lägg till rubriker"), (requested.ChangeSummary, requested.ReviewNote, requested.ChangesRequested));
        Assert.Equal("Lägg till rubriker", await fixture.Database.ScalarAsync<string>(
            $"SELECT changes_requested FROM tool_versions WHERE id = '{saved.Id}'"));
        await tool.SubmitForReviewAsync(kit.Contributor, redo.Id, null);
        var active = await tool.PublishVersionAsync(kit.OtherAdmin, redo.Id);
        Assert.Equal("Räknar rader", active.ChangeSummary);
    }

    [Fact]
    public async Task Publish_copies_the_reviewed_record_into_a_new_active_one_and_archives_the_old()
    {
        var (tool, first) = await kit.NewToolWithActiveAsync(kit.Contributor);
        var next = await tool.CreateDraftAsync(kit.Contributor, first.Id);
        var saved = await tool.SaveAsync(kit.Contributor, new SaveVersionCommand(next.Id, "def run_tool(i, o):\n    return 'v2'\n", null, "v2"));
        await tool.SubmitForReviewAsync(kit.Contributor, saved.Id, null);

        var second = await tool.PublishVersionAsync(kit.OtherAdmin, saved.Id);
        var info = await tool.GetAsync(kit.Admin);

        Assert.Equal((VersionState.Active, saved.Id, kit.OtherAdmin.UserId), (second.State, second.DerivedFrom, second.PublishedBy));
        Assert.Equal(second.Id, info.ActiveVersionId);
        Assert.Equal(second.Number, info.ActiveVersionNumber);
        Assert.Equal(VersionState.Archived, info.Versions.Single(v => v.Id == first.Id).State);
        Assert.Equal(VersionState.Archived, info.Versions.Single(v => v.Id == saved.Id).State);
        Assert.Single(info.Versions, v => v.State == VersionState.Active);
        Assert.Equal("def run_tool(i, o):\n    return 'v2'\n", (await tool.GetActiveVersionAsync(kit.Admin)).Source);
        Assert.Equal(second.Id, await fixture.Database.ScalarAsync<Guid>(
            $"SELECT id FROM tool_versions WHERE tool_id = '{info.Id}' AND state = 'active'"));
        await Refused(ErrorCode.Validation, () => tool.SaveAsync(kit.Admin, new SaveVersionCommand(second.Id, "x", null, null)));
        await Refused(ErrorCode.Validation, () => tool.SubmitForReviewAsync(kit.Admin, second.Id, null));
    }

    [Fact]
    public async Task Only_superusers_roll_back_and_only_to_a_formerly_active_record()
    {
        var (tool, first) = await kit.NewToolWithActiveAsync(kit.Contributor);
        var draft = await tool.CreateDraftAsync(kit.Admin, first.Id);
        await tool.SubmitForReviewAsync(kit.Admin, draft.Id, null);
        var second = await tool.PublishVersionAsync(kit.Admin, draft.Id);

        await Refused(ErrorCode.Forbidden, () => tool.RollbackAsync(kit.Admin, first.Id));
        await Refused(ErrorCode.Validation, () => tool.RollbackAsync(kit.Superuser, second.Id));
        await Refused(ErrorCode.Validation, () => tool.RollbackAsync(kit.Superuser, draft.Id));
        var laterDraft = await tool.CreateDraftAsync(kit.Admin, null);
        await Refused(ErrorCode.Validation, () => tool.RollbackAsync(kit.Superuser, laterDraft.Id));

        var restored = await tool.RollbackAsync(kit.Superuser, first.Id);
        var info = await tool.GetAsync(kit.Superuser);

        Assert.Equal((VersionState.Active, first.Id, kit.Superuser.UserId), (restored.State, restored.DerivedFrom, restored.PublishedBy));
        Assert.Equal(restored.Id, info.ActiveVersionId);
        Assert.Equal(VersionState.Archived, info.Versions.Single(v => v.Id == second.Id).State);
        Assert.Equal(first.ContentSha256, restored.ContentSha256);
        Assert.Equal(new[] { 1, 2, 3, 4, 5, 6 }, info.Versions.Select(v => v.Number).Order());
    }

    [Fact]
    public async Task State_and_rows_survive_deactivation_and_a_lost_row_is_repaired_on_activation()
    {
        var (tool, active) = await kit.NewToolWithActiveAsync(kit.Contributor);
        var id = (await tool.GetAsync(kit.Admin)).Id;
        await fixture.Database.ScalarAsync<int>($"UPDATE tools SET title = 'trasig' WHERE id = '{id}' RETURNING 1");

        await fixture.Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var info = await kit.Tool(id).GetAsync(kit.Admin);

        Assert.Equal(active.Id, info.ActiveVersionId);
        Assert.Equal("Klasslista", await fixture.Database.ScalarAsync<string>($"SELECT title FROM tools WHERE id = '{id}'"));
    }
}
