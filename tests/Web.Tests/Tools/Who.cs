namespace Skriptoteket.Web.Tests.Tools;

/// <summary>The callers of the permission matrix, in the order of SPEC §1's role hierarchy.</summary>
public enum Who
{
    Anonymous,
    User,
    Contributor,
    Admin,
    Superuser,
}
