using Skriptoteket.Grains.Abstractions.Errors;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;
using Skriptoteket.Grains.Abstractions.Tools;
using static Skriptoteket.Grains.Tests.Tools.ToolTestKit;

namespace Skriptoteket.Grains.Tests.Tools;

[Collection(ClusterCollection.Name)]
public sealed class ToolGrainMetadataTests(ClusterFixture fixture)
{
    private readonly ToolTestKit kit = new(fixture);

    [Fact]
    public async Task Only_admins_create_tools_and_a_new_tool_is_an_unpublished_draft_without_versions()
    {
        await Refused(ErrorCode.Forbidden, () => kit.Tool(Guid.NewGuid()).CreateAsync(kit.Contributor, Metadata(), null));
        await Refused(ErrorCode.Forbidden, () => kit.Tool(Guid.NewGuid()).CreateAsync(kit.User, Metadata(), null));

        var tool = await kit.NewToolAsync();
        var info = await tool.GetAsync(kit.Admin);

        Assert.False(info.IsPublished);
        Assert.Null(info.ActiveVersionId);
        Assert.Empty(info.Versions);
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM tools WHERE id = '{info.Id}' AND NOT is_published AND slug = '{info.Metadata.Slug}'"));
        await Refused(ErrorCode.Conflict, () => tool.CreateAsync(kit.Admin, Metadata(), null));
    }

    [Fact]
    public async Task Metadata_outside_the_formats_and_allowlists_is_refused()
    {
        ToolMetadata[] invalid =
        [
            Metadata("Versaler"),
            Metadata("dubbla--bindestreck"),
            Metadata() with { Title = " " },
            Metadata() with { Professions = ["astronaut"] },
            Metadata() with { Categories = [] },
        ];
        foreach (var metadata in invalid)
        {
            await Refused(ErrorCode.Validation, () => kit.Tool(Guid.NewGuid()).CreateAsync(kit.Admin, metadata, null));
        }
    }

    [Fact]
    public async Task Slugs_are_unique_and_stay_fixed_once_the_tool_was_published()
    {
        var first = await kit.NewToolAsync();
        var firstSlug = (await first.GetAsync(kit.Admin)).Metadata.Slug;
        await Refused(ErrorCode.Conflict, () => kit.Tool(Guid.NewGuid()).CreateAsync(kit.Admin, Metadata(firstSlug), null));

        var (tool, _) = await kit.NewToolWithActiveAsync(kit.Contributor);
        var renamed = Metadata() with { Title = "Ny titel", Professions = ["larare", "rektor"] };
        var info = await tool.UpdateMetadataAsync(kit.Admin, renamed);
        Assert.Equal(renamed.Slug, info.Metadata.Slug);
        await Refused(ErrorCode.Forbidden, () => tool.UpdateMetadataAsync(kit.Contributor, renamed));

        await tool.PublishAsync(kit.Admin);
        await Refused(ErrorCode.Validation, () => tool.UpdateMetadataAsync(kit.Admin, Metadata()));
        var retitled = await tool.UpdateMetadataAsync(kit.Admin, renamed with { Title = "Tredje titeln" });
        Assert.Equal("Tredje titeln", retitled.Metadata.Title);
        Assert.Equal(2L, await fixture.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM tool_professions WHERE tool_id = '{info.Id}'"));
    }

    [Fact]
    public async Task Profession_and_category_rows_follow_each_change_and_a_title_change_leaves_them_alone()
    {
        var tool = await kit.NewToolAsync();
        var metadata = (await tool.GetAsync(kit.Admin)).Metadata;
        var id = (await tool.GetAsync(kit.Admin)).Id;
        async Task<string> RowsAsync() => await fixture.Database.ScalarAsync<string>($"""
            SELECT concat_ws(' | ',
                (SELECT string_agg(profession_slug, ',' ORDER BY profession_slug) FROM tool_professions WHERE tool_id = '{id}'),
                (SELECT string_agg(category_slug, ',' ORDER BY category_slug) FROM tool_categories WHERE tool_id = '{id}'),
                (SELECT min(xmin::text) FROM tool_professions WHERE tool_id = '{id}'))
            """);

        await tool.UpdateMetadataAsync(kit.Admin, metadata with { Professions = ["larare", "rektor"], Categories = ["mentorskap", "ovrigt"] });
        var changed = await RowsAsync();
        Assert.StartsWith("larare,rektor | mentorskap,ovrigt | ", changed);

        // Only the title: the transition writes the tool row, not the lists (the rows' transaction id stays).
        await tool.UpdateMetadataAsync(kit.Admin, metadata with { Title = "Ny titel", Professions = ["larare", "rektor"], Categories = ["mentorskap", "ovrigt"] });
        Assert.Equal(changed, await RowsAsync());
        Assert.Equal("Ny titel", await fixture.Database.ScalarAsync<string>($"SELECT title FROM tools WHERE id = '{id}'"));

        await tool.UpdateMetadataAsync(kit.Admin, metadata with { Professions = ["rektor"], Categories = ["administration"] });
        Assert.StartsWith("rektor | administration | ", await RowsAsync());
    }

    [Fact]
    public async Task Catalog_publishing_needs_an_active_version_and_depublishing_hides_the_tool_from_users()
    {
        var empty = await kit.NewToolAsync();
        await Refused(ErrorCode.Validation, () => empty.PublishAsync(kit.Admin));
        await Refused(ErrorCode.NotFound, () => empty.GetAsync(kit.User));

        var (tool, active) = await kit.NewToolWithActiveAsync(kit.Contributor);
        await Refused(ErrorCode.Forbidden, () => tool.PublishAsync(kit.Contributor));
        await Refused(ErrorCode.NotFound, () => tool.GetActiveVersionAsync(kit.User));

        var published = await tool.PublishAsync(kit.Admin);
        Assert.True(published.IsPublished);
        Assert.True(published.SlugLocked);
        Assert.Empty((await tool.GetAsync(kit.User)).Versions);
        await Refused(ErrorCode.NotFound, () => tool.GetActiveVersionAsync(kit.User));

        await Refused(ErrorCode.Forbidden, () => tool.DepublishAsync(kit.Contributor));
        var hidden = await tool.DepublishAsync(kit.Admin);
        Assert.False(hidden.IsPublished);
        Assert.Equal(active.Id, hidden.ActiveVersionId);
        await Refused(ErrorCode.NotFound, () => tool.GetAsync(kit.User));
        await Refused(ErrorCode.NotFound, () => tool.GetActiveVersionAsync(kit.User));
        Assert.Equal(active.Id, (await tool.GetActiveVersionAsync(kit.Admin)).Header.Id);
    }

    [Fact]
    public async Task The_active_source_of_a_published_tool_is_shown_only_to_its_author_and_admins()
    {
        var (tool, active) = await kit.NewToolWithActiveAsync(kit.Contributor);
        await tool.PublishAsync(kit.Admin);

        await Refused(ErrorCode.NotFound, () => tool.GetActiveVersionAsync(kit.User));
        await Refused(ErrorCode.NotFound, () => tool.GetActiveVersionAsync(kit.OtherContributor));
        Assert.Equal(active.Id, (await tool.GetActiveVersionAsync(kit.Contributor)).Header.Id);
        Assert.Equal(active.Id, (await tool.GetActiveVersionAsync(kit.Admin)).Header.Id);
    }

    [Fact]
    public async Task Every_transition_writes_one_audit_row_with_actor()
    {
        var (tool, _) = await kit.NewToolWithActiveAsync(kit.Contributor);
        await tool.PublishAsync(kit.Admin);
        await tool.DepublishAsync(kit.Admin);
        var id = (await tool.GetAsync(kit.Admin)).Id;

        var actions = await fixture.Database.ScalarAsync<string>(
            $"SELECT string_agg(action || ':' || (actor_id IS NOT NULL), ',' ORDER BY id) FROM audit_log WHERE target_id = '{id}'");

        Assert.Equal(
            "tool.created:true,tool.version.draft_created:true,tool.version.submitted:true,tool.version.published:true,tool.published:true,tool.depublished:true",
            actions);
    }
}
