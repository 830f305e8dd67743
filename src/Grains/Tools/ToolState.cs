using Skriptoteket.Grains.Abstractions.Tools;
using Skriptoteket.Grains.Abstractions.Validation;

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

    /// <summary>The contributors an admin named to work on this tool's script (issue 22), in the order they were named.</summary>
    [Id(12)] public List<ToolMaintainer> Maintainers { get; set; } = [];

    /// <summary>A method, not a property: the state's JSON storage must not see it (it would try to fill it on reading).</summary>
    public IReadOnlyList<Guid> MaintainerIds() => [.. Maintainers.Select(m => m.UserId)];

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
        Maintainers = [.. Maintainers],
    };

    /// <summary>
    /// A copy whose text the query rows can store (TextRules.Scrub), or null when there is nothing to heal.
    /// Only for states saved before the text rules existed; a scrubbed source gets its content hash again.
    /// </summary>
    public ToolState? Healed()
    {
        var copy = Clone();
        var m = Metadata;
        copy.Metadata = m with
        {
            Slug = TextRules.Scrub(m.Slug), Title = TextRules.Scrub(m.Title), Summary = TextRules.Scrub(m.Summary),
            UsageMarkdown = TextRules.Scrub(m.UsageMarkdown),
        };
        foreach (var (id, source) in PendingSources)
        {
            copy.PendingSources[id] = TextRules.Scrub(source);
        }
        copy.Versions = Versions.Select(v => v with
        {
            ChangeSummary = TextRules.Scrub(v.ChangeSummary),
            ReviewNote = TextRules.ScrubOrNull(v.ReviewNote),
            Entrypoint = TextRules.Scrub(v.Entrypoint),
            ContentSha256 = copy.PendingSources.TryGetValue(v.Id, out var source) && source != PendingSources[v.Id]
                ? ContentHash.Of(source, TextRules.Scrub(v.Entrypoint), v.Inputs)
                : v.ContentSha256,
        }).ToList();
        var changed = copy.Metadata != Metadata || !copy.Versions.SequenceEqual(Versions)
                      || copy.PendingSources.Any(p => p.Value != PendingSources[p.Key]);
        return changed ? copy : null;
    }

    public ToolVersionHeader? Find(Guid versionId) => Versions.Find(v => v.Id == versionId);

    public void Replace(ToolVersionHeader header) => Versions[Versions.FindIndex(v => v.Id == header.Id)] = header;
}

/// <summary>One named maintainer of a tool: who, and which admin named them when.</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.ToolMaintainer")]
public sealed record ToolMaintainer([property: Id(0)] Guid UserId, [property: Id(1)] Guid AddedBy, [property: Id(2)] DateTimeOffset AddedAt);
