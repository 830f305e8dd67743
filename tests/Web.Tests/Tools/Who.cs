namespace Skriptoteket.Web.Tests.Tools;

/// <summary>
/// The callers of the permission matrix, in the order of SPEC §1's role hierarchy. Maintainer: a contributor an
/// admin named maintainer of the world's published tool (issue 22), and of no other tool.
/// </summary>
public enum Who
{
    Anonymous,
    User,
    Contributor,
    Maintainer,
    Admin,
    Superuser,
}
