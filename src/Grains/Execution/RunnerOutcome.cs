
namespace Skriptoteket.Grains.Execution;

/// <summary>
/// What one container run produced: the <see cref="RunCompletion"/> the run records, and the artifact files
/// its manifest lists. The files are stored on disk by the supervisor and never travel in a grain message.
/// </summary>
internal sealed record RunnerOutcome(RunCompletion Completion, IReadOnlyList<RunnerArtifact> Files)
{
    /// <summary>From container create to started, in ms; 0 when the container never started.</summary>
    public long StartMilliseconds { get; init; }

    /// <summary>The curated libraries the script imports (its import profile; docs/execution.md, "Warm pool").</summary>
    public ImportProfile Imports { get; init; }

    /// <summary>The profile of the warm pool container that served the run; null when a container was created for it.</summary>
    public ImportProfile? WarmProfile { get; init; }

    /// <summary>For the run's log line: "cold", or "warm" and the container's profile.</summary>
    public string Container => WarmProfile is { } warm ? $"warm {warm}" : "cold";

    /// <summary>The container's removal, still going on when the outcome was handed back early; faults when it failed.</summary>
    public Task Removal { get; init; } = Task.CompletedTask;

    public static RunnerOutcome Without(RunCompletion completion) => new(completion, []);
}

/// <summary>One artifact file as received from the container, verified against its name pattern and sha256.</summary>
internal sealed record RunnerArtifact(string Name, byte[] Content, string Sha256);
