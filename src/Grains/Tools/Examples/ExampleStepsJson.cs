using System.Text;
using System.Text.Json;
using Skriptoteket.Grains.Abstractions.Tools.Examples;

namespace Skriptoteket.Grains.Tools.Examples;

/// <summary>An example's steps as stored in tool_examples.steps (migration 0760): [{"step": name, "values": {…}}].</summary>
internal static class ExampleStepsJson
{
    /// <summary>The values go in as written (checked as a JSON object by ExampleStepRules), never unescaped and re-encoded.</summary>
    public static string Write(IReadOnlyList<ExampleStep> steps)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var step in steps)
            {
                json.WriteStartObject();
                json.WriteString("step", step.Step);
                json.WritePropertyName("values");
                json.WriteRawValue(step.ValuesJson);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static IReadOnlyList<ExampleStep> Read(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return [.. doc.RootElement.EnumerateArray().Select(s =>
            new ExampleStep(s.GetProperty("step").GetString()!, s.GetProperty("values").GetRawText()))];
    }
}
