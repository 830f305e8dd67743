namespace Skriptoteket.Grains.Audit;

/// <summary>One row of the append-only audit log. Details never carry passwords or file contents.</summary>
public sealed record AuditEntry(
    Guid? ActorId,
    string Action,
    string? TargetType = null,
    string? TargetId = null,
    IReadOnlyDictionary<string, object?>? Details = null,
    string? Address = null);
