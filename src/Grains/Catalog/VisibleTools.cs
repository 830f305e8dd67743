namespace Skriptoteket.Grains.Catalog;

/// <summary>"Visible to users" (SPEC §3), for SQL over <c>tools t</c>: published and with an active version.</summary>
internal static class VisibleTools
{
    public const string Where = "t.is_published AND t.active_version_id IS NOT NULL";
}
