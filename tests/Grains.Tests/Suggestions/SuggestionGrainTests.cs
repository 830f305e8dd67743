using Skriptoteket.Grains.Abstractions.Catalog;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Suggestions;
using Skriptoteket.Grains.Abstractions.Tools;
using Skriptoteket.Grains.Tests.Tools;
using static Skriptoteket.Grains.Tests.Tools.ToolTestKit;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;

namespace Skriptoteket.Grains.Tests.Suggestions;

[Collection(ClusterCollection.Name)]
public sealed class SuggestionGrainTests(ClusterFixture fixture)
{
    private readonly ToolTestKit kit = new(fixture);

    private static SuggestionDraft Draft(string title = "Närvarolista från CSV") =>
        new(title, "Räkna frånvaro per elev ur en export.", ["larare", "rektor"], ["mentorskap"]);

    private ISuggestionGrain New() => fixture.Grains.GetGrain<ISuggestionGrain>(Guid.NewGuid());

    [Fact]
    public async Task Contributors_submit_and_only_the_submitter_and_admins_see_the_suggestion()
    {
        await Refused(ErrorCode.Forbidden, () => New().SubmitAsync(kit.User, Draft()));
        await Refused(ErrorCode.Validation, () => New().SubmitAsync(kit.Contributor, Draft() with { Professions = ["astronaut"] }));
        await Refused(ErrorCode.Validation, () => New().SubmitAsync(kit.Contributor, Draft() with { Description = "" }));

        var suggestion = New();
        var info = await suggestion.SubmitAsync(kit.Contributor, Draft());

        Assert.Equal(SuggestionStatus.Pending, info.Status);
        Assert.Equal(info.Draft.Title, (await suggestion.GetAsync(kit.Contributor)).Draft.Title);
        Assert.Equal(info.Id, (await suggestion.GetAsync(kit.Admin)).Id);
        await Refused(ErrorCode.NotFound, () => suggestion.GetAsync(kit.OtherContributor));
        await Refused(ErrorCode.NotFound, () => suggestion.GetAsync(kit.User));
        await Refused(ErrorCode.Conflict, () => suggestion.SubmitAsync(kit.Contributor, Draft()));
        var queue = await fixture.Grains.GetGrain<ICatalogGrain>(0).ListSuggestionQueueAsync(kit.Admin, false);
        Assert.Contains(queue, row => row.Id == info.Id && row.Status == "pending");
        Assert.Contains(await fixture.Grains.GetGrain<ICatalogGrain>(0).ListMySuggestionsAsync(kit.Contributor), row => row.Id == info.Id);
        await Refused(ErrorCode.Forbidden, () => fixture.Grains.GetGrain<ICatalogGrain>(0).ListSuggestionQueueAsync(kit.Contributor, true));
    }

    [Fact]
    public async Task Accepting_creates_a_linked_unpublished_draft_tool_without_versions_and_decides_once()
    {
        var suggestion = New();
        var submitted = await suggestion.SubmitAsync(kit.Contributor, Draft());
        await Refused(ErrorCode.Forbidden, () => suggestion.DecideAsync(kit.Contributor, new(SuggestionDecisionKind.Accept, "ja", null)));
        await Refused(ErrorCode.Validation, () => suggestion.DecideAsync(kit.Admin, new(SuggestionDecisionKind.Accept, " ", null)));

        var decided = await suggestion.DecideAsync(kit.Admin, new(SuggestionDecisionKind.Accept, "Bra idé", null));
        var tool = await fixture.Grains.GetGrain<IToolGrain>(decided.ToolId!.Value).GetAsync(kit.Admin);

        Assert.Equal((SuggestionStatus.Accepted, SuggestionDecisionKind.Accept, "Bra idé", kit.Admin.UserId),
            (decided.Status, decided.Decision, decided.Rationale, decided.DecidedBy));
        Assert.Equal(["submitted", "accept"], decided.History.Select(e => e.Kind));
        Assert.Equal((submitted.Id, false, (Guid?)null), (tool.SuggestionId, tool.IsPublished, tool.ActiveVersionId));
        Assert.Empty(tool.Versions);
        Assert.StartsWith("narvarolista-fran-csv", tool.Metadata.Slug);
        await Refused(ErrorCode.Conflict, () => suggestion.DecideAsync(kit.Admin, new(SuggestionDecisionKind.Deny, "nej", null)));
        Assert.Equal(2L, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM suggestion_events WHERE suggestion_id = '{submitted.Id}'"));
        Assert.Contains(await fixture.Grains.GetGrain<ICatalogGrain>(0).ListToolsAsync(kit.Admin), row => row.Id == tool.Id && !row.IsPublished);
    }

    [Fact]
    public async Task Modify_then_accept_uses_the_edited_fields_and_deny_creates_no_tool()
    {
        var modified = New();
        await modified.SubmitAsync(kit.Contributor, Draft());
        var changed = await modified.DecideAsync(kit.Admin,
            new(SuggestionDecisionKind.Modify, "Smalare", Draft("Frånvaro per elev") with { Categories = ["administration"] }));
        var tool = await fixture.Grains.GetGrain<IToolGrain>(changed.ToolId!.Value).GetAsync(kit.Admin);
        Assert.Equal(("Frånvaro per elev", SuggestionStatus.Accepted), (tool.Metadata.Title, changed.Status));
        Assert.Equal(["administration"], tool.Metadata.Categories);

        var denied = New();
        await denied.SubmitAsync(kit.Contributor, Draft());
        await Refused(ErrorCode.Validation, () => denied.DecideAsync(kit.Admin, new(SuggestionDecisionKind.Modify, "x", null)));
        var no = await denied.DecideAsync(kit.Superuser, new(SuggestionDecisionKind.Deny, "Finns redan", null));
        Assert.Equal((SuggestionStatus.Denied, (Guid?)null), (no.Status, no.ToolId));
        Assert.Equal("denied", await fixture.Database.ScalarAsync<string>($"SELECT status FROM suggestions WHERE id = '{no.Id}'"));
        await Refused(ErrorCode.NotFound, () => fixture.Grains.GetGrain<IToolGrain>(no.Id).GetAsync(kit.Admin));
        Assert.Equal(2L, await fixture.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_log WHERE target_id = '{no.Id}' AND action IN ('suggestion.submitted', 'suggestion.deny')"));
    }
}
