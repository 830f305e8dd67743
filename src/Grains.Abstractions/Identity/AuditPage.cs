namespace Skriptoteket.Grains.Abstractions.Identity;

/// <summary>One page of the audit log, newest first; Names: what the page's ids (targets and details) stand for.</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.AuditPage")]
public sealed record AuditPage(
    [property: Id(0)] IReadOnlyList<AuditRecord> Items,
    [property: Id(1)] int Page,
    [property: Id(2)] int PageSize,
    [property: Id(3)] long Total)
{
    [Id(4)] public IReadOnlyDictionary<Guid, AuditName> Names { get; init; } = new Dictionary<Guid, AuditName>();
}
