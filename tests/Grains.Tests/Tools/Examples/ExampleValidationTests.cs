using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Tools.Examples;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;

namespace Skriptoteket.Grains.Tests.Tools.Examples;

/// <summary>Adding, renaming and deleting examples on the real cluster and PostgreSQL: who may, and what is refused.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ExampleValidationTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Bad_names_values_and_files_are_refused_in_Swedish_and_nothing_is_stored()
    {
        var kit = new ToolTestKit(fixture);
        var tool = await kit.NewToolAsync();
        var toolId = tool.GetPrimaryKey();
        var draft = await tool.CreateDraftAsync(kit.Admin, null);
        await ExampleTestKit.SaveAsync(tool, kit.Admin, draft.Id, ExampleTestKit.First);
        var examples = fixture.Grains.GetGrain<IToolExamplesGrain>(toolId);

        var noName = await ToolTestKit.Refused(ErrorCode.Validation, () => examples.AddAsync(kit.Admin, new NewExample("  ", null, [])));
        Assert.Equal("Exemplets namn saknas.", noName.Message);
        await ToolTestKit.Refused(ErrorCode.Validation, () => examples.AddAsync(kit.Admin, new NewExample(new string('x', 81), null, [])));
        var badValues = await ToolTestKit.Refused(ErrorCode.Validation,
            () => examples.AddAsync(kit.Admin, new NewExample("Fel klass", """{"klass": "9C", "grans": 200}""", [])));
        Assert.Equal(["Klass: \"9C\" finns inte bland alternativen.", "Gräns: högst 100."], FieldValueRules.ProblemsOf(badValues).Select(p => p.Message));
        var badFile = await ToolTestKit.Refused(ErrorCode.Validation,
            () => examples.AddAsync(kit.Admin, new NewExample("Fel fil", """{"klass": "7A"}""", [new RunInputFile("elever.txt", [65])])));
        Assert.Equal("Run.WrongTypeForTool", badFile.Key);
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM tool_examples WHERE tool_id = '{toolId}'"));

        var added = await examples.AddAsync(kit.Admin, new NewExample(" Sjuan A ", """{"klass": "7A"}""", [new RunInputFile("elever.csv", "namn\nAda\n"u8.ToArray())]));
        Assert.Equal("Sjuan A", added.Name);
        Assert.Equal([new ExampleFile("elever.csv", 9)], added.Files);
        Assert.Null(added.Expected);
        var taken = await ToolTestKit.Refused(ErrorCode.Conflict, () => examples.AddAsync(kit.Admin, ExampleTestKit.Example("sjuan a", "7B")));
        Assert.Equal("Det finns redan ett exempel som heter \"sjuan a\".", taken.Message);
    }

    [Fact]
    public async Task Only_admins_manage_examples_and_teachers_see_only_those_of_published_tools()
    {
        var kit = new ToolTestKit(fixture);
        var tool = await kit.NewToolAsync();
        var draft = await tool.CreateDraftAsync(kit.Admin, null);
        await ExampleTestKit.SaveAsync(tool, kit.Admin, draft.Id, ExampleTestKit.First);
        var examples = fixture.Grains.GetGrain<IToolExamplesGrain>(tool.GetPrimaryKey());

        await ToolTestKit.Refused(ErrorCode.NotFound, () => examples.AddAsync(kit.User, ExampleTestKit.Example("A", "7A")));
        await ToolTestKit.Refused(ErrorCode.NotFound, () => examples.ListAsync(kit.User));
        await ToolTestKit.Refused(ErrorCode.Forbidden, () => examples.AddAsync(kit.Contributor, ExampleTestKit.Example("A", "7A")));
        var added = await examples.AddAsync(kit.Admin, ExampleTestKit.Example("A", "7A"));
        await ToolTestKit.Refused(ErrorCode.Forbidden, () => examples.RenameAsync(kit.Contributor, added.Id, "B"));
        await ToolTestKit.Refused(ErrorCode.Forbidden, () => examples.DeleteAsync(kit.Contributor, added.Id));

        var other = await examples.AddAsync(kit.Admin, ExampleTestKit.Example("C", "7C"));
        await ToolTestKit.Refused(ErrorCode.Conflict, () => examples.RenameAsync(kit.Admin, added.Id, "c"));
        Assert.Equal("B", (await examples.RenameAsync(kit.Admin, added.Id, "B")).Name);
        await examples.DeleteAsync(kit.Admin, other.Id);
        await ToolTestKit.Refused(ErrorCode.NotFound, () => examples.DeleteAsync(kit.Admin, other.Id));
        Assert.Equal(["B"], (await examples.ListAsync(kit.Contributor)).Select(e => e.Name));
        Assert.Equal(2L, await fixture.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_log WHERE target_id = '{tool.GetPrimaryKey()}' AND action LIKE 'tool.example.%' AND action <> 'tool.example.added'"));
    }
}
