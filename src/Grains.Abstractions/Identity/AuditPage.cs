namespace Skriptoteket.Grains.Abstractions.Identity;

/// <summary>One page of the audit log, newest first.</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.AuditPage")]
public sealed record AuditPage(
    [property: Id(0)] IReadOnlyList<AuditRecord> Items,
    [property: Id(1)] int Page,
    [property: Id(2)] int PageSize,
    [property: Id(3)] long Total);
