namespace Skriptoteket.Web.Identity;

/// <summary>The one check for redirect targets taken from a query string: only paths of this site.</summary>
public static class LocalUrl
{
    /// <summary>
    /// True for "/" and "/path"; false for absolute URLs and for "//host" and "/\host", which browsers treat as
    /// another host (an open redirect) and which LocalRedirect refuses with an exception.
    /// </summary>
    public static bool IsSafe(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    public static string OrRoot(string? url) => IsSafe(url) ? url! : "/";
}
