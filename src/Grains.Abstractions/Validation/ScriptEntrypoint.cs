using System.Text.RegularExpressions;
using Skriptoteket.Grains.Abstractions.Errors;

namespace Skriptoteket.Grains.Abstractions.Validation;

/// <summary>
/// The function a script's run starts in: a Python name of at most <see cref="TextLimits.Entrypoint"/> characters,
/// the same rule for a saved version and for the editor's unsaved text in the sandbox.
/// </summary>
public static partial class ScriptEntrypoint
{
    public const string Default = "run_tool";

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*\z")]
    private static partial Regex PythonName();

    /// <summary>The name as given, or a refusal in Swedish (key Script.EntrypointInvalid).</summary>
    public static string Checked(string name) =>
        name.Length <= TextLimits.Entrypoint && PythonName().IsMatch(name)
            ? name
            : throw DomainException.Invalid("Startfunktionen måste vara ett giltigt Python-namn.", "Script.EntrypointInvalid");
}
