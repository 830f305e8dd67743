using Skriptoteket.Grains.Abstractions.Suggestions;

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

    public SuggestionState Clone()
    {
        var copy = (SuggestionState)MemberwiseClone();
        copy.History = [.. History];
        return copy;
    }
}
