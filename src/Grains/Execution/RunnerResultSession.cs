using System.Text;
using System.Text.Json;
using Skriptoteket.Grains.Abstractions.Sessions;
using Skriptoteket.Grains.Abstractions.Validation;

namespace Skriptoteket.Grains.Execution;

/// <summary>
/// What a protocol v3 result.json keeps for the session's next step (runner-image/PROTOCOL.md, "Version 3"): the
/// state, the files the script kept and the steps total. The wrapper checked them, but they come out of an untrusted
/// container: the state must again be a JSON object of at most <see cref="SessionLimits.MaxStateBytes"/> with storable
/// text, kept files must be artifacts the host accepted.
/// </summary>
internal static class RunnerResultSession
{
    /// <summary>The run's failure when a container hands back a state the wrapper would have refused.</summary>
    public const string StateRefused =
        "Verktygets tillstånd (st.state) kunde inte sparas till nästa steg: det måste vara ett JSON-objekt på högst 64 KiB.";

    /// <summary>The most steps a script may announce (st.steps_total).</summary>
    public const int MaxStepsTotal = 100;

    /// <summary>
    /// The state's JSON as result.json holds it (the wrapper measured exactly this text); null without one or when it
    /// is empty (a tool that keeps nothing stores nothing; the next step gets "{}" either way); false when it is there
    /// but not acceptable.
    /// </summary>
    public static bool TryState(JsonElement result, out string? stateJson)
    {
        stateJson = null;
        if (!result.TryGetProperty("state", out var state) || state.ValueKind == JsonValueKind.Null)
        {
            return true;
        }
        if (state.ValueKind != JsonValueKind.Object)
        {
            return false;
        }
        var text = state.GetRawText();
        if (Encoding.UTF8.GetByteCount(text) > SessionLimits.MaxStateBytes || !Storable(state))
        {
            return false;
        }
        stateJson = state.EnumerateObject().Any() ? text : null;
        return true;
    }

    /// <summary>The kept files that are among the accepted artifacts, each once, in the script's order.</summary>
    public static IReadOnlyList<string> Kept(JsonElement result, IReadOnlySet<string> artifactNames)
    {
        if (!result.TryGetProperty("kept", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return [];
        }
        return [.. list.EnumerateArray()
            .Where(k => k.ValueKind == JsonValueKind.String)
            .Select(k => k.GetString()!)
            .Where(artifactNames.Contains)
            .Distinct(StringComparer.Ordinal)];
    }

    public static int? StepsTotal(JsonElement result) =>
        result.TryGetProperty("steps_total", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n)
        && n is >= 1 and <= MaxStepsTotal
            ? n
            : null;

    /// <summary>Every key and text decodes (no lone surrogate escape) and is storable (no NUL: PostgreSQL refuses it).</summary>
    private static bool Storable(JsonElement element)
    {
        try
        {
            return element.ValueKind switch
            {
                JsonValueKind.Object => element.EnumerateObject().All(p => TextRules.IsStorable(p.Name) && Storable(p.Value)),
                JsonValueKind.Array => element.EnumerateArray().All(Storable),
                JsonValueKind.String => TextRules.IsStorable(element.GetString()!),
                _ => true,
            };
        }
        catch (InvalidOperationException)
        {
            return false; // "\ud800": JSON can carry it, a .NET string cannot decode it
        }
    }
}
