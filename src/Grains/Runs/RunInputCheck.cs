using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;

namespace Skriptoteket.Grains.Runs;

/// <summary>
/// The run grain's one check of what a request brings against what its version declares (issue 13): the files
/// (count and types, <see cref="RunInputRules"/>; for every kind of run, as a script that reads its file fails
/// without it) and the field values (<see cref="FieldValueRules"/>). Called before the run's row and before any
/// container: a refused request leaves nothing behind.
/// </summary>
internal static class RunInputCheck
{
    /// <summary>The checked field values as the script's JSON object; a Swedish VALIDATION error otherwise.</summary>
    public static string Check(RunRequest request, ToolInputs declared)
    {
        if (RunInputRules.FileProblem(declared.Files, [.. request.Inputs.Select(i => i.FileName)]) is { } refusal)
        {
            throw refusal;
        }
        return FieldValueRules.Check(declared, request.FieldValuesJson);
    }
}
