using System.Text.Json;
using System.Text.Json.Nodes;
using Skriptoteket.Grains.Abstractions.Tools.Examples;

namespace Skriptoteket.Grains.Tools.Examples;

/// <summary>An example's steps as stored in tool_examples.steps (migration 0760): [{"step": name, "values": {…}}].</summary>
internal static class ExampleStepsJson
{
    public static string Write(IReadOnlyList<ExampleStep> steps) =>
        new JsonArray([.. steps.Select(s => (JsonNode)new JsonObject
        {
            ["step"] = s.Step,
            ["values"] = JsonNode.Parse(s.ValuesJson),
        })]).ToJsonString();

    public static IReadOnlyList<ExampleStep> Read(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return [.. doc.RootElement.EnumerateArray().Select(s =>
            new ExampleStep(s.GetProperty("step").GetString()!, s.GetProperty("values").GetRawText()))];
    }
}
