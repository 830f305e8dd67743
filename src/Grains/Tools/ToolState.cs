using Skriptoteket.Grains.Abstractions.Tools;

namespace Skriptoteket.Grains.Tools;

/// <summary>
/// The tool grain's own state: metadata and version headers only. A new version's source waits in
/// PendingSources until it is in tool_versions (written right after the state write, repaired on activation).
/// </summary>
[GenerateSerializer, Alias("Skriptoteket.ToolState")]
public sealed class ToolState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public ToolMetadata Metadata { get; set; } = new("", "", "", "", [], []);
    [Id(2)] public bool IsPublished { get; set; }
    [Id(3)] public bool SlugLocked { get; set; }
    [Id(4)] public Guid? ActiveVersionId { get; set; }
    [Id(5)] public Guid? SuggestionId { get; set; }
    [Id(6)] public Guid CreatedBy { get; set; }
    [Id(7)] public DateTimeOffset CreatedAt { get; set; }
    [Id(8)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(9)] public int LastNumber { get; set; }
    [Id(10)] public List<ToolVersionHeader> Versions { get; set; } = [];
    [Id(11)] public Dictionary<Guid, string> PendingSources { get; set; } = [];

    /// <summary>A copy to change: headers are immutable records, so only the collections are copied.</summary>
    public ToolState Clone() => new()
    {
        Exists = Exists,
        Metadata = Metadata,
        IsPublished = IsPublished,
        SlugLocked = SlugLocked,
        ActiveVersionId = ActiveVersionId,
        SuggestionId = SuggestionId,
        CreatedBy = CreatedBy,
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
        LastNumber = LastNumber,
        Versions = [.. Versions],
        PendingSources = new Dictionary<Guid, string>(PendingSources),
    };

    public ToolVersionHeader? Find(Guid versionId) => Versions.Find(v => v.Id == versionId);

    public void Replace(ToolVersionHeader header) => Versions[Versions.FindIndex(v => v.Id == header.Id)] = header;
}
