namespace Skriptoteket.Grains.Abstractions.Runs;

/// <summary>The one spelling of run kinds and states (snake_case, as in SPEC §6) for the database and the API.</summary>
public static class RunSpelling
{
    public static string Kind(RunKind kind) => kind switch
    {
        RunKind.Sandbox => "sandbox",
        RunKind.ExampleCheck => "example_check",
        _ => "production",
    };

    public static string Status(RunStatus status) => status switch
    {
        RunStatus.Queued => "queued",
        RunStatus.Running => "running",
        RunStatus.Succeeded => "succeeded",
        RunStatus.Failed => "failed",
        RunStatus.TimedOut => "timed_out",
        RunStatus.Canceled => "canceled",
        _ => "interrupted",
    };
}
