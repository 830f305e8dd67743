using Skriptoteket.Grains.Abstractions.Tools.Inputs;

namespace Skriptoteket.Grains.Abstractions.Sessions;

/// <summary>
/// A follow-up step a run offers (runner protocol v3, <c>st.step(name, label, fields)</c>): its name (what
/// <c>st.current_step</c> says when it is taken), the button's label and its form, declared with the same field
/// JSON as inputs.json's <c>fields</c> (files excepted). Prefilled values are the fields' defaults.
/// </summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.NextStep")]
public sealed record NextStep(
    [property: Id(0)] string Name,
    [property: Id(1)] string Label,
    [property: Id(2)] IReadOnlyList<InputField> Fields);
