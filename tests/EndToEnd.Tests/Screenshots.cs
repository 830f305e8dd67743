using Microsoft.Playwright;
using Skriptoteket.TestSupport;

namespace Skriptoteket.EndToEnd.Tests;

/// <summary>
/// Screens as the browser tests saw them, kept as test artifacts in .local/screenshots: for looking at a
/// failure, and the source of the README's pictures (docs/images), taken from the product as ./run.sh serves it.
/// </summary>
public static class Screenshots
{
    public static string Folder { get; } = Path.Combine(RepositoryPaths.Root, ".local", "screenshots");

    public static Task SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        return page.ScreenshotAsync(new() { Path = Path.Combine(Folder, name + ".png"), FullPage = true });
    }
}
