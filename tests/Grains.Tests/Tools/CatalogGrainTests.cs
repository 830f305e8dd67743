using Skriptoteket.Grains.Abstractions.Catalog;
using Skriptoteket.Grains.Abstractions.Tools;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;

namespace Skriptoteket.Grains.Tests.Tools;

/// <summary>The read side shows only published tools with an active version, in profession → category order.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CatalogGrainTests(ClusterFixture fixture)
{
    private readonly ToolTestKit kit = new(fixture);

    [Fact]
    public async Task Professions_list_their_ordered_categories_with_only_published_runnable_tools()
    {
        var catalog = fixture.Grains.GetGrain<ICatalogGrain>(0);
        var title = "Sökbar " + Guid.NewGuid().ToString("N")[..8];
        var (tool, active) = await kit.NewToolWithActiveAsync(kit.Contributor);
        var meta = ToolTestKit.Metadata() with { Title = title, Professions = ["specialpedagog"], Categories = ["mentorskap", "ovrigt"] };
        await tool.UpdateMetadataAsync(kit.Admin, meta);
        var hidden = await kit.NewToolAsync(ToolTestKit.Metadata() with { Title = title + " dold", Professions = ["specialpedagog"] });

        Assert.Null(await catalog.FindPublishedToolAsync(meta.Slug));
        Assert.Empty(await catalog.SearchAsync(title));
        await tool.PublishAsync(kit.Admin);

        var taxonomy = await catalog.GetTaxonomyAsync();
        Assert.Equal(["larare", "specialpedagog", "skoladministrator", "rektor", "gemensamt"], taxonomy.Professions.Select(p => p.Slug));
        var profession = await catalog.GetProfessionAsync("specialpedagog");
        Assert.NotNull(profession);
        Assert.Equal(["lektionsplanering", "mentorskap", "administration", "ovrigt"], profession.Categories.Select(c => c.Slug));
        Assert.Contains(profession.Categories[1].Tools, t => t.Title == title);
        Assert.Contains(profession.Categories[3].Tools, t => t.Title == title);
        Assert.DoesNotContain(profession.Categories.SelectMany(c => c.Tools), t => t.Title.EndsWith("dold"));
        Assert.DoesNotContain((await catalog.GetProfessionAsync("rektor"))!.Categories.SelectMany(c => c.Tools), t => t.Title == title);
        Assert.Null(await catalog.GetProfessionAsync("okand"));
        Assert.Equal([title], (await catalog.SearchAsync(title[2..].ToUpperInvariant())).Select(t => t.Title));
        Assert.Equal(active.Id, (await catalog.FindPublishedToolAsync(meta.Slug))!.ActiveVersionId);
        Assert.Equal((await tool.GetAsync(kit.Admin)).Id, await catalog.FindToolOfVersionAsync(kit.Contributor, active.Id));

        await tool.DepublishAsync(kit.Admin);
        Assert.Null(await catalog.FindPublishedToolAsync(meta.Slug));
        Assert.NotNull(hidden);
    }

    [Fact]
    public async Task Search_ignores_case_and_swedish_letters_in_the_query_and_in_title_and_summary()
    {
        var catalog = fixture.Grains.GetGrain<ICatalogGrain>(0);
        var token = Guid.NewGuid().ToString("N")[..8];
        var (tool, _) = await kit.NewToolWithActiveAsync(kit.Contributor);
        var meta = ToolTestKit.Metadata() with { Title = $"Frånvaro {token}", Summary = $"Översikt för ÉLEVER {token}" };
        await tool.UpdateMetadataAsync(kit.Admin, meta);
        await tool.PublishAsync(kit.Admin);
        var draftOnly = await kit.NewToolAsync(ToolTestKit.Metadata() with { Title = $"Närvaro {token}" });

        async Task<IReadOnlyList<string>> Home(string q) => (await catalog.SearchAsync(q)).Select(t => t.Title).ToList();
        async Task<IReadOnlyList<string>> Admin(string q) => (await catalog.SearchToolsAsync(kit.Admin, q)).Select(t => t.Title).ToList();

        Assert.Equal([meta.Title], await Home($"franvaro {token}"));      // typed without å on a phone
        Assert.Equal([meta.Title], await Home($"FRÅNVARO {token}"));      // upper case with å
        Assert.Equal([meta.Title], await Home($"oversikt for elever {token}")); // Ö, é and case in the summary
        Assert.Empty(await Home($"franvaro x{token}"));
        Assert.Empty(await Home($"narvaro {token}"));                     // not published: never on home
        Assert.Equal(2, (await Admin($"varo {token}")).Count);               // the admin list shows unpublished tools too
        Assert.Equal([$"Närvaro {token}"], await Admin($"NARVARO {token}"));
        Assert.Equal([meta.Title], await Admin($"ÖVERSIKT FÖR éLEVER {token}"));
        Assert.Contains(meta.Title, await Admin(""));
        await ToolTestKit.Refused(ErrorCode.Forbidden, () => catalog.SearchToolsAsync(kit.User, "franvaro"));
        Assert.NotNull(draftOnly);
    }

    [Fact]
    public async Task Version_lookups_and_user_names_are_refused_to_users()
    {
        var catalog = fixture.Grains.GetGrain<ICatalogGrain>(0);
        var (tool, active) = await kit.NewToolWithActiveAsync(kit.Contributor);
        await tool.PublishAsync(kit.Admin);

        await ToolTestKit.Refused(ErrorCode.Forbidden, () => catalog.FindToolOfVersionAsync(kit.User, active.Id));
        await ToolTestKit.Refused(ErrorCode.Forbidden, () => catalog.GetUserNamesAsync(kit.User, [kit.Contributor.UserId]));
        Assert.Equal(active.ToolId, await catalog.FindToolOfVersionAsync(kit.Contributor, active.Id));
        Assert.Empty(await catalog.GetUserNamesAsync(kit.Contributor, [kit.Contributor.UserId]));
    }

    [Fact]
    public async Task My_versions_lists_only_what_the_caller_created()
    {
        var tool = await kit.NewToolAsync();
        var mine = await tool.CreateDraftAsync(kit.Contributor, null);
        await tool.CreateDraftAsync(kit.OtherContributor, null);

        var rows = await fixture.Grains.GetGrain<ICatalogGrain>(0).ListMyVersionsAsync(kit.Contributor);

        Assert.Equal([mine.Id], rows.Select(r => r.VersionId));
        Assert.Equal("draft", rows[0].State);
        Assert.Equal(VersionState.Draft, mine.State);
    }
}
