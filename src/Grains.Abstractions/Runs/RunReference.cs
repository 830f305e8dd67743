namespace Skriptoteket.Grains.Abstractions.Runs;

/// <summary>
/// The short run reference a teacher gives the tool's owner when a tool failed: enough to find the run
/// (admins search by it) without showing the teacher anything of the failure itself.
/// </summary>
public static class RunReference
{
    public static string Of(Guid runId) => runId.ToString("N")[..8];

    /// <summary>What a teacher reads when the script failed in a way its author did not describe (no exception text).</summary>
    public static string UnexpectedFailure(Guid runId) =>
        $"{PlatformFailureText.UnexpectedPrefix} Ge referensen {Of(runId)} till den som ansvarar för verktyget.";
}
