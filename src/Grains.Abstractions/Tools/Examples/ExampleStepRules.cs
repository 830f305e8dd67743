using System.Globalization;
using System.Text.Json;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Sessions;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;

namespace Skriptoteket.Grains.Abstractions.Tools.Examples;

/// <summary>
/// What an example's follow-up steps may be when it is added (Swedish messages with keys, "Error.Example.*"; the
/// studio's steps editor checks with them too). A step's values are only checked against its form when a check takes
/// the step, since a step's form is known only from the run before it. Steps are numbered as the run page numbers
/// them: the first run is step 1, the first listed step is step 2.
/// </summary>
public static class ExampleStepRules
{
    /// <summary>The number a listed step (0-based) has in the session: the first run is step 1.</summary>
    public static int Number(int index) => index + 2;

    /// <summary>The steps trimmed, each values object as given (none: "{}"), or the first problem as a VALIDATION error.</summary>
    public static IReadOnlyList<ExampleStep> Check(IReadOnlyList<ExampleStep?>? steps)
    {
        var list = steps ?? [];
        if (list.Count > SessionLimits.MaxStepsPerSession)
        {
            throw DomainException.Invalid($"Ett exempel kan ha högst {SessionLimits.MaxStepsPerSession} steg efter den första körningen.",
                "Example.TooManySteps", Text(SessionLimits.MaxStepsPerSession));
        }
        var checkedSteps = new List<ExampleStep>();
        var total = 0;
        for (var i = 0; i < list.Count; i++)
        {
            var number = Text(Number(i));
            var name = (list[i]?.Step ?? "").Trim();
            if (!ToolInputRules.IsName(name))
            {
                throw DomainException.Invalid(
                    $"Steg {number}: stegets namn måste vara 1–{ToolInputRules.NameLength} tecken, börja med en bokstav eller _ och bara innehålla a–z, A–Z, 0–9 och _.",
                    "Example.StepName", number, Text(ToolInputRules.NameLength));
            }
            var values = Values(list[i]!.ValuesJson, number, name);
            total += values.Length;
            if (total > FieldValueRules.MaxJsonLength)
            {
                throw DomainException.Invalid($"Stegens värden får vara högst {FieldValueRules.MaxJsonLength} tecken tillsammans.",
                    "Example.StepsTooLarge", Text(FieldValueRules.MaxJsonLength));
            }
            checkedSteps.Add(new ExampleStep(name, values));
        }
        return checkedSteps;
    }

    private static string Values(string? json, string number, string name)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return "{}";
        }
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
            {
                return doc.RootElement.GetRawText();
            }
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            // Not JSON at all: the same refusal as JSON that is not an object.
        }
        throw DomainException.Invalid($"Steg {number} ({name}): värdena måste vara ett JSON-objekt, till exempel {{\"storlek\": 3}}.",
            "Example.StepValues", number, name);
    }

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}
