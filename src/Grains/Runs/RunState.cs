using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Grains.Runs;

/// <summary>Persisted header of a run; outputs live in the runs table (the run's record).</summary>
[GenerateSerializer, Alias("Skriptoteket.RunState")]
public sealed class RunState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public RunKind Kind { get; set; }
    [Id(2)] public RunStatus Status { get; set; }
    [Id(3)] public Guid ToolId { get; set; }
    [Id(4)] public Guid VersionId { get; set; }
    [Id(5)] public Guid RequestedBy { get; set; }
    [Id(6)] public DateTimeOffset CreatedAt { get; set; }
    [Id(7)] public DateTimeOffset? StartedAt { get; set; }
    [Id(8)] public DateTimeOffset? FinishedAt { get; set; }
    [Id(9)] public string? Silo { get; set; }
    [Id(10)] public List<RunInputInfo> Inputs { get; set; } = [];

    public RunState Copy() => (RunState)MemberwiseClone();

    public void RestoreFrom(RunState other)
    {
        (Exists, Kind, Status, ToolId, VersionId, RequestedBy) =
            (other.Exists, other.Kind, other.Status, other.ToolId, other.VersionId, other.RequestedBy);
        (CreatedAt, StartedAt, FinishedAt, Silo, Inputs) =
            (other.CreatedAt, other.StartedAt, other.FinishedAt, other.Silo, other.Inputs);
    }
}
