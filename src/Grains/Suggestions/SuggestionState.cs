using Skriptoteket.Grains.Abstractions.Suggestions;
using Skriptoteket.Grains.Abstractions.Validation;

namespace Skriptoteket.Grains.Suggestions;

[GenerateSerializer, Alias("Skriptoteket.SuggestionState")]
public sealed class SuggestionState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public SuggestionDraft Draft { get; set; } = new("", "", [], []);
    [Id(2)] public SuggestionStatus Status { get; set; }
    [Id(3)] public Guid SubmittedBy { get; set; }
    [Id(4)] public DateTimeOffset SubmittedAt { get; set; }
    [Id(5)] public SuggestionDecisionKind? Decision { get; set; }
    [Id(6)] public string? Rationale { get; set; }
    [Id(7)] public Guid? DecidedBy { get; set; }
    [Id(8)] public DateTimeOffset? DecidedAt { get; set; }
    [Id(9)] public Guid? ToolId { get; set; }
    [Id(10)] public List<SuggestionEvent> History { get; set; } = [];

    /// <summary>A copy whose text the rows can store (TextRules.Scrub), or null when there is nothing to heal.</summary>
    public SuggestionState? Healed()
    {
        var copy = Clone();
        copy.Draft = Draft with { Title = TextRules.Scrub(Draft.Title), Description = TextRules.Scrub(Draft.Description) };
        copy.Rationale = TextRules.ScrubOrNull(Rationale);
        copy.History = History.Select(e => e with { Rationale = TextRules.ScrubOrNull(e.Rationale) }).ToList();
        return copy.Draft != Draft || copy.Rationale != Rationale || !copy.History.SequenceEqual(History) ? copy : null;
    }

    public SuggestionState Clone()
    {
        var copy = (SuggestionState)MemberwiseClone();
        copy.History = [.. History];
        return copy;
    }
}
