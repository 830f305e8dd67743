namespace Skriptoteket.Grains.Abstractions.Identity;

/// <summary>One audit log row as the viewer shows it; Details is the stored JSON.</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.AuditRecord")]
public sealed record AuditRecord(
    [property: Id(0)] long Id,
    [property: Id(1)] DateTimeOffset OccurredAt,
    [property: Id(2)] Guid? ActorId,
    [property: Id(3)] string? ActorName,
    [property: Id(4)] string Action,
    [property: Id(5)] string? TargetType,
    [property: Id(6)] string? TargetId,
    [property: Id(7)] string Details,
    [property: Id(8)] string? Address);
