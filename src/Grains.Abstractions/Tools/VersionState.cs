namespace Skriptoteket.Grains.Abstractions.Tools;

/// <summary>States of a script version (SPEC §5); stored as draft, in_review, active, archived.</summary>
public enum VersionState
{
    Draft = 0,
    InReview = 1,
    Active = 2,
    Archived = 3,
}
