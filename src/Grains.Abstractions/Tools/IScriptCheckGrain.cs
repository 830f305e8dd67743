using Skriptoteket.Grains.Abstractions.Identity;

namespace Skriptoteket.Grains.Abstractions.Tools;

/// <summary>
/// Finds syntax errors and a missing or wrongly shaped entrypoint without running the script: the script is
/// only parsed (Python's ast module), inside a locked-down runner container, never on the host.
/// Key 0; a stateless worker on silos with Docker access.
/// </summary>
[Alias("Skriptoteket.IScriptCheckGrain")]
public interface IScriptCheckGrain : IGrainWithIntegerKey
{
    /// <summary>The problems of <paramref name="source"/> (empty when none); authors only.</summary>
    [Alias("Check")]
    Task<IReadOnlyList<ScriptProblem>> CheckAsync(ActingUser actor, string source, string entrypoint);
}
