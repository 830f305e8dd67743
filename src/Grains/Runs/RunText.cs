using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Grains.Runs;

/// <summary>Database spellings of run kinds and states (snake_case, as in SPEC §6).</summary>
internal static class RunText
{
    public static string Kind(RunKind kind) => kind == RunKind.Sandbox ? "sandbox" : "production";

    public static RunKind ParseKind(string text) => text == "sandbox" ? RunKind.Sandbox : RunKind.Production;

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

    public static RunStatus ParseStatus(string text) =>
        Enum.GetValues<RunStatus>().First(s => Status(s) == text);
}
