using Skriptoteket.Grains.Abstractions.Tools.Examples;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;

namespace Skriptoteket.Grains.Tests.Tools.Examples;

/// <summary>
/// An example's follow-up steps when it is added (docs/adr/0012-worked-examples.md, "Examples with steps"): stored in
/// order and listed to authors; bad names, values that are no JSON object and too many steps are refused in Swedish
/// with their keys, and nothing is stored.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ExampleStepValidationTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Steps_are_stored_in_order_and_bad_steps_are_refused_naming_the_step()
    {
        var kit = new ToolTestKit(fixture);
        var tool = await kit.NewToolAsync();
        var toolId = tool.GetPrimaryKey();
        var draft = await tool.CreateDraftAsync(kit.Admin, null);
        await ExampleTestKit.SaveAsync(tool, kit.Admin, draft.Id, ExampleTestKit.First);
        var examples = fixture.Grains.GetGrain<IToolExamplesGrain>(toolId);
        NewExample With(params ExampleStep[] steps) => ExampleTestKit.Example("Med steg", "7A") with { Steps = steps };

        var badName = await ToolTestKit.Refused(ErrorCode.Validation, () => examples.AddAsync(kit.Admin, With(new("dela", "{}"), new("gör om", "{}"))));
        Assert.Equal("Example.StepName", badName.Key);
        Assert.StartsWith("Steg 3: stegets namn måste vara 1–40 tecken", badName.Message);
        var notObject = await ToolTestKit.Refused(ErrorCode.Validation, () => examples.AddAsync(kit.Admin, With(new ExampleStep("dela", "[3]"))));
        Assert.Equal("Steg 2 (dela): värdena måste vara ett JSON-objekt, till exempel {\"storlek\": 3}.", notObject.Message);
        Assert.Equal(["2", "dela"], notObject.Arguments);
        await ToolTestKit.Refused(ErrorCode.Validation, () => examples.AddAsync(kit.Admin, With(new ExampleStep("dela", "{\"storlek\": "))));
        var tooMany = await ToolTestKit.Refused(ErrorCode.Validation,
            () => examples.AddAsync(kit.Admin, With([.. Enumerable.Range(0, 51).Select(_ => new ExampleStep("gor_om", "{}"))])));
        Assert.Equal("Ett exempel kan ha högst 50 steg efter den första körningen.", tooMany.Message);
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM tool_examples WHERE tool_id = '{toolId}'"));

        var added = await examples.AddAsync(kit.Admin, With(new(" dela ", """{"storlek": 3, "isar": ["Ada", "Bo"]}"""), new("gor_om", "")));
        Assert.Equal([new ExampleStep("dela", """{"storlek": 3, "isar": ["Ada", "Bo"]}"""), new ExampleStep("gor_om", "{}")], added.Steps);
        var listed = (await examples.ListAsync(kit.Admin)).Single();
        Assert.Equal(["dela", "gor_om"], listed.Steps.Select(s => s.Step));
        Assert.Equal(3, System.Text.Json.JsonDocument.Parse(listed.Steps[0].ValuesJson).RootElement.GetProperty("storlek").GetInt32());
    }
}
