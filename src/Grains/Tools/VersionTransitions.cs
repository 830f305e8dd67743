using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Tools;

namespace Skriptoteket.Grains.Tools;

/// <summary>
/// Which version transitions are legal (SPEC §5, pure). A move that someone else's change made stale is a
/// CONFLICT (reload and retry); a move that is never legal from that state is a VALIDATION error.
/// </summary>
public static class VersionTransitions
{
    /// <summary>Save appends after a head draft only.</summary>
    public static void EnsureCanSave(ToolVersionHeader baseVersion)
    {
        if (baseVersion.State is VersionState.Active or VersionState.Archived)
        {
            throw DomainException.Invalid("Bara utkast kan sparas; skapa ett nytt utkast från versionen.", "Version.OnlyDraftsSave");
        }
        if (baseVersion.State != VersionState.Draft || !baseVersion.IsHead)
        {
            throw DomainException.Conflict("Någon har sparat eller lämnat in en nyare version sedan du öppnade den. Ladda om.", "Version.Stale");
        }
    }

    /// <summary>Submit freezes a head draft.</summary>
    public static void EnsureCanSubmit(ToolVersionHeader version)
    {
        if (version.State is VersionState.Active or VersionState.Archived)
        {
            throw DomainException.Invalid("Bara utkast kan lämnas in för granskning.", "Version.OnlyDraftsSubmit");
        }
        if (version.State != VersionState.Draft || !version.IsHead)
        {
            throw DomainException.Conflict("Versionen har redan sparats över eller lämnats in. Ladda om.", "Version.AlreadySaved");
        }
    }

    /// <summary>Request changes and publish act on a version in review.</summary>
    public static void EnsureInReview(ToolVersionHeader version)
    {
        if (version.State != VersionState.InReview)
        {
            throw DomainException.Conflict("Versionen väntar inte på granskning.", "Version.NotInReview");
        }
    }

    /// <summary>Rollback targets a formerly active record, now archived.</summary>
    public static void EnsureCanRollbackTo(ToolVersionHeader version)
    {
        if (version.State != VersionState.Archived || version.PublishedAt is null)
        {
            throw DomainException.Invalid("Det går bara att rulla tillbaka till en tidigare aktiv version.", "Version.RollbackTarget");
        }
    }

    /// <summary>Catalog publishing needs something to run.</summary>
    public static void EnsureCanPublishTool(Guid? activeVersionId)
    {
        if (activeVersionId is null)
        {
            throw DomainException.Invalid("Verktyget kan inte publiceras utan en aktiv version.", "Version.NoActive");
        }
    }
}
