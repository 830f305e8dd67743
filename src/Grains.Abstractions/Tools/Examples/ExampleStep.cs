namespace Skriptoteket.Grains.Abstractions.Tools.Examples;

/// <summary>
/// A follow-up step a worked example takes after its first run (docs/adr/0012-worked-examples.md, "Examples with
/// steps"): the step's name (as the script offers it with <c>st.step</c>) and its field values as a step form sends
/// them (a JSON object). The values are checked against the step's form when a check takes the step.
/// </summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.ExampleStep")]
public sealed record ExampleStep(
    [property: Id(0)] string Step,
    [property: Id(1)] string ValuesJson);
