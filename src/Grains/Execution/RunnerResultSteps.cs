using System.Text.Json;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Sessions;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;
using Skriptoteket.Grains.Abstractions.Validation;

namespace Skriptoteket.Grains.Execution;

/// <summary>
/// Reads one step block of a protocol v3 result.json (runner-image/PROTOCOL.md, "Version 3") into an
/// <see cref="OutputBlockKind.Step"/> block carrying its <see cref="NextStep"/>. The wrapper checked it, but it comes
/// out of an untrusted container: the name, the count, the label and the form are checked again here, the form with
/// the very rules of a version's declaration (<see cref="ToolInputRules"/>), so a step form never holds what an
/// author could not declare in inputs.json. A step that fails becomes a warning notice saying why.
/// </summary>
internal static class RunnerResultSteps
{
    /// <param name="offered">Names of the steps of this result read so far (no duplicates, at most <see cref="SessionLimits.MaxNextSteps"/>).</param>
    public static OutputBlock Read(JsonElement raw, ExecutionOptions o, HashSet<string> offered)
    {
        var name = raw.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "";
        var problem = Problem(raw, name, offered, out var step);
        if (problem is null)
        {
            offered.Add(name);
            return new OutputBlock(OutputBlockKind.Step, step!.Label, false) { Step = step };
        }
        var shown = RunnerResultBlocks.Chars(name, ToolInputRules.NameLength).Text;
        var (text, _) = RunnerResultBlocks.Chars($"Steget \"{shown}\" visas inte: {problem}", o.NoticeCharsCap);
        return new OutputBlock(OutputBlockKind.Notice, text, false) { Level = NoticeLevel.Warning };
    }

    private static string? Problem(JsonElement raw, string name, HashSet<string> offered, out NextStep? step)
    {
        step = null;
        if (!ToolInputRules.IsName(name))
        {
            return ToolInputRules.NameRule;
        }
        if (offered.Contains(name))
        {
            return "ett steg med samma namn finns redan.";
        }
        if (offered.Count >= SessionLimits.MaxNextSteps)
        {
            return $"högst {SessionLimits.MaxNextSteps} steg per körning.";
        }
        var label = (raw.TryGetProperty("label", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString()! : "").Trim();
        if (label.Length is 0 or > ToolInputRules.LabelLength || label.Contains('\n') || !TextRules.IsStorable(label))
        {
            return $"etiketten måste vara en rad med 1–{ToolInputRules.LabelLength} tecken.";
        }
        if (Fields(raw, out var fields) is { } fieldProblem)
        {
            return fieldProblem;
        }
        var problems = ToolInputRules.Problems(new ToolInputs(fields, new FileInputs(0, 0)));
        if (problems.Count > 0)
        {
            return string.Join(" ", problems);
        }
        step = new NextStep(name, label, ToolInputRules.Validate(new ToolInputs(fields, new FileInputs(0, 0))).Fields);
        return null;
    }

    /// <summary>The form as inputs.json's <c>fields</c> (the one JSON form of a declaration, <see cref="ToolInputsJson"/>).</summary>
    private static string? Fields(JsonElement raw, out List<InputField> fields)
    {
        fields = [];
        if (!raw.TryGetProperty("fields", out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (list.ValueKind != JsonValueKind.Array)
        {
            return "fälten ska vara en lista som fields i inputs.json.";
        }
        if (list.GetArrayLength() > ToolInputRules.MaxFields)
        {
            return $"högst {ToolInputRules.MaxFields} fält per steg.";
        }
        foreach (var element in list.EnumerateArray())
        {
            // A field without a kind would silently read as short text; the wrapper never sends one.
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("kind", out var kind))
            {
                return $"fält {fields.Count + 1} saknar en fälttyp.";
            }
            if (kind.ValueKind == JsonValueKind.String && kind.GetString() is "file" or "files")
            {
                return "ett steg kan inte be om filer; filer från tidigare steg finns i st.session_files().";
            }
            try
            {
                fields.Add(element.Deserialize<InputField>(ToolInputsJson.Options)!);
            }
            catch (JsonException)
            {
                return $"fält {fields.Count + 1} är inte ett fält som i inputs.json.";
            }
        }
        return null;
    }
}
