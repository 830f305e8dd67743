namespace Skriptoteket.Grains.Audit;

/// <summary>Appends to the audit log (PostgreSQL table audit_log, which refuses updates and deletes).</summary>
public interface IAuditLog
{
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default);
}
