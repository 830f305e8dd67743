using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Suggestions;
using Skriptoteket.Grains.Abstractions.Tools;
using Skriptoteket.Grains.Identity;
using Skriptoteket.Grains.Persistence;
using Skriptoteket.Grains.Suggestions;
using Skriptoteket.Grains.Tests.Tools;
using Skriptoteket.Grains.Tools;

namespace Skriptoteket.Grains.Tests;

/// <summary>
/// Objects saved by the earlier code with text PostgreSQL refuses (NUL) in their state, and no matching rows:
/// they must answer again on activation, their rows healed (such characters become U+FFFD), and take new changes.
/// The damaged state is written straight into the real grain storage before the grain first activates.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class DamagedStateHealingTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_tool_bricked_by_a_NUL_in_a_draft_answers_again_and_its_rows_are_written()
    {
        var kit = new ToolTestKit(fixture);
        var (toolId, versionId, now) = (Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UtcNow);
        var source = "def run_tool(input_path, output_dir):\n    return 'a\0b'\n";
        var damaged = new ToolState
        {
            // Lists as the grain stores them (the serializer refuses compiler-made collection types).
            Exists = true, Metadata = ToolTestKit.Metadata() with
            {
                Title = "Trasig\0titel", Professions = new List<string> { "larare" }, Categories = new List<string> { "administration" },
            },
            CreatedBy = kit.Admin.UserId,
            CreatedAt = now, UpdatedAt = now, LastNumber = 1,
            Versions = new List<ToolVersionHeader> { new(versionId, toolId, 1, VersionState.Draft, null, "run_tool",
                ContentHash.Of(source, "run_tool"), "Ändrad\0", null, kit.Contributor.UserId, now, null, null, null, null, true) },
            PendingSources = { [versionId] = source },
        };
        await WriteStateAsync(fixture.Grains.GetGrain<IToolGrain>(toolId).GetGrainId(), "tool", damaged);

        var info = await kit.Tool(toolId).GetAsync(kit.Admin);
        var version = await kit.Tool(toolId).GetVersionAsync(kit.Admin, versionId);

        Assert.Equal("Trasig\uFFFDtitel", info.Metadata.Title);
        Assert.Equal(source.Replace('\0', '\uFFFD'), version.Source);
        Assert.Equal("Ändrad\uFFFD", version.Header.ChangeSummary);
        Assert.Equal(ContentHash.Of(version.Source, "run_tool"), version.Header.ContentSha256);
        Assert.Equal("Trasig\uFFFDtitel", await fixture.Database.ScalarAsync<string>($"SELECT title FROM tools WHERE id = '{toolId}'"));
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM tool_versions WHERE tool_id = '{toolId}'"));
        var renamed = await kit.Tool(toolId).UpdateMetadataAsync(kit.Admin, info.Metadata with { Title = "Hel igen" });
        Assert.Equal("Hel igen", renamed.Metadata.Title);
    }

    [Fact]
    public async Task A_pending_nomination_with_a_NUL_is_listed_again_and_can_be_decided_and_followed_by_a_new_one()
    {
        var superuser = await IdentityTestUsers.InsertAsync(fixture, Role.Superuser);
        // Made by another superuser: the one who nominates does not decide while another superuser exists (SPEC §2).
        var nominator = await IdentityTestUsers.InsertAsync(fixture, Role.Superuser);
        var nominee = await IdentityTestUsers.InsertAsync(fixture, Role.Contributor);
        var nominationId = Guid.NewGuid();
        var grain = fixture.Grains.GetGrain<INominationGrain>(nominee.UserId);
        await WriteStateAsync(grain.GetGrainId(), "nomination", new NominationState
        {
            Id = nominationId, NominatorId = nominator.UserId, Rationale = "Bra\0", Status = NominationStatus.Pending,
            CreatedAt = DateTimeOffset.UtcNow,
        });

        var query = fixture.Grains.GetGrain<IIdentityQueryGrain>(0);
        await Assert.ThrowsAnyAsync<Exception>(() => grain.NominateAsync(superuser, "En ny")); // activates: still pending
        var listed = Assert.Single(await query.ListPendingNominationsAsync(superuser), n => n.Id == nominationId);
        Assert.Equal("Bra\uFFFD", listed.Rationale);
        await grain.DenyAsync(superuser, nominationId, "Inte nu");
        var next = await grain.NominateAsync(superuser, "Nu är det dags");
        Assert.Equal(NominationStatus.Pending, next.Status);
    }

    [Fact]
    public async Task A_suggestion_denied_in_its_state_but_pending_in_its_row_is_shown_denied_after_activation()
    {
        var admin = await IdentityTestUsers.InsertAsync(fixture, Role.Admin);
        var author = await IdentityTestUsers.InsertAsync(fixture, Role.Contributor);
        var grain = fixture.Grains.GetGrain<ISuggestionGrain>(Guid.NewGuid());
        var submitted = await grain.SubmitAsync(author, new SuggestionDraft("Förslag", "Beskrivning", ["larare"], ["administration"]));
        var now = DateTimeOffset.UtcNow;
        var damaged = new SuggestionState
        {
            Exists = true, Draft = submitted.Draft, Status = SuggestionStatus.Denied, SubmittedBy = author.UserId,
            SubmittedAt = submitted.SubmittedAt, Decision = SuggestionDecisionKind.Deny, Rationale = "Nej\0",
            DecidedBy = admin.UserId, DecidedAt = now,
            History = new List<SuggestionEvent>(submitted.History) { new("deny", admin.UserId, now, "Nej\0") },
        };
        var fresh = fixture.Grains.GetGrain<ISuggestionGrain>(Guid.NewGuid());
        await using (var db = fixture.Database.CreateDataSource())
        await using (var copy = db.CreateCommand(
            "INSERT INTO suggestions (id, title, description, professions, categories, status, submitted_by, submitted_at, " +
            "decided_by, decided_at, decision, rationale, tool_id) " +
            $"SELECT '{fresh.GetPrimaryKey()}', title, description, professions, categories, status, " +
            $"submitted_by, submitted_at, decided_by, decided_at, decision, rationale, tool_id FROM suggestions WHERE id = '{submitted.Id}'"))
        {
            await copy.ExecuteNonQueryAsync(); // the row the earlier code left: still pending
        }
        await WriteStateAsync(fresh.GetGrainId(), "suggestion", damaged);

        var info = await fresh.GetAsync(admin);

        Assert.Equal(SuggestionStatus.Denied, info.Status);
        Assert.Equal("denied", await fixture.Database.ScalarAsync<string>($"SELECT status FROM suggestions WHERE id = '{fresh.GetPrimaryKey()}'"));
        Assert.Equal("Nej\uFFFD", await fixture.Database.ScalarAsync<string>($"SELECT rationale FROM suggestions WHERE id = '{fresh.GetPrimaryKey()}'"));
    }

    private Task WriteStateAsync<T>(GrainId grainId, string stateName, T state)
    {
        var services = ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost.Services;
        var storage = services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Store);
        return storage.WriteStateAsync(stateName, grainId, new GrainState<T>(state));
    }
}
