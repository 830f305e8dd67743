using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Validation;

namespace Skriptoteket.Grains.Identity;

/// <summary>The nominee's latest nomination (earlier, decided ones stay in the nominations table).</summary>
[GenerateSerializer, Alias("Skriptoteket.NominationState")]
public sealed class NominationState
{
    [Id(0)] public Guid Id { get; set; }
    [Id(1)] public Guid NominatorId { get; set; }
    [Id(2)] public string Rationale { get; set; } = "";
    [Id(3)] public NominationStatus Status { get; set; }
    [Id(4)] public DateTimeOffset CreatedAt { get; set; }
    [Id(5)] public Guid? DecidedBy { get; set; }
    [Id(6)] public DateTimeOffset? DecidedAt { get; set; }
    [Id(7)] public string? DecisionNote { get; set; }

    /// <summary>A copy whose text the row can store (TextRules.Scrub), or null when there is nothing to heal.</summary>
    public NominationState? Healed()
    {
        var copy = Copy();
        copy.Rationale = TextRules.Scrub(Rationale);
        copy.DecisionNote = TextRules.ScrubOrNull(DecisionNote);
        return copy.Rationale != Rationale || copy.DecisionNote != DecisionNote ? copy : null;
    }

    public NominationState Copy() => (NominationState)MemberwiseClone();
}
