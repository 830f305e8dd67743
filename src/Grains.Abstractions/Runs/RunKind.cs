namespace Skriptoteket.Grains.Abstractions.Runs;

/// <summary>
/// Sandbox runs test any version an author may see; production runs use a published tool's active version.
/// Example checks are sandbox runs of a worked example (docs/adr/0012-worked-examples.md): the same rules as
/// sandbox runs (who may start and see them, timeouts, kept inputs), but they belong to the example's check, so
/// "Mina körningar" and the studio's sandbox history leave them out.
/// </summary>
public enum RunKind
{
    Sandbox = 0,
    Production = 1,
    ExampleCheck = 2,
}

public static class RunKindRules
{
    /// <summary>True for the kinds that run a chosen version under the sandbox rules (sandbox and example checks).</summary>
    public static bool RunsAsSandbox(this RunKind kind) => kind is RunKind.Sandbox or RunKind.ExampleCheck;
}
