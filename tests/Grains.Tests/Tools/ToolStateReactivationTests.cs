using Skriptoteket.Grains.Abstractions.Tools;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;

namespace Skriptoteket.Grains.Tests.Tools;

/// <summary>
/// A tool grain reads its stored state back after deactivation, whatever collections its normalized declaration
/// holds (the walk of 2026-12-07 found the example tools' admin pages answering 500 once their grains had been idle:
/// the stored inputs named a compiler-made list type that the storage refused to read).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ToolStateReactivationTests(ClusterFixture fixture)
{
    private static readonly ToolInputs ClassAndSize = new(
        [
            new InputField("klass", FieldKind.OneChoice, "Klass", Required: true, Options: ["7A", "7B"]),
            new InputField("storlek", FieldKind.Integer, "Gruppstorlek", Default: "3", Min: "2", Max: "6"),
        ],
        new FileInputs(0, 0),
        [new InputField("signatur", FieldKind.ShortText, "Signatur", Default: "XY")]);

    [Fact]
    public async Task A_tool_with_declared_fields_and_settings_answers_again_after_its_grain_was_deactivated()
    {
        var kit = new ToolTestKit(fixture);
        var tool = await kit.NewToolAsync();
        var draft = await tool.CreateDraftAsync(kit.Contributor, null);
        var saved = await tool.SaveAsync(kit.Contributor,
            new SaveVersionCommand(draft.Id, "def run_tool(input_path, output_dir):\n    return 'ok'\n", null, "Fält", ClassAndSize));

        await fixture.Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var again = await tool.GetVersionAsync(kit.Contributor, saved.Id);

        Assert.Equal(ToolInputsJson.Write(ClassAndSize), ToolInputsJson.Write(again.Header.Declared));
    }
}
