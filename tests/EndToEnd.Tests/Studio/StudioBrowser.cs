using Microsoft.Playwright;
using Skriptoteket.TestSupport;

namespace Skriptoteket.EndToEnd.Tests.Studio;

/// <summary>Browser steps the studio tests share: log in, open a page once its circuit is live, drive the editor, keep screenshots.</summary>
internal static class StudioBrowser
{
    public const string Password = Tools.WalkWorld.Password;

    /// <summary>Screenshots of the main screens are kept here as test artifacts (.local/screenshots in the checkout).</summary>
    public static string ScreenshotFolder { get; } = Directory.CreateDirectory(Path.Combine(RepositoryPaths.Root, ".local", "screenshots")).FullName;

    public static async Task<IPage> LoginAsync(BrowserFixture fixture, string email, string password = Password)
    {
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(1366, 900);
        await page.GotoAsync("/login");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/login"));
        return page;
    }

    public static async Task GotoInteractiveAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await WaitInteractiveAsync(page);
    }

    public static Task WaitInteractiveAsync(IPage page) => Teacher.BrowserSteps.WaitInteractiveAsync(page);

    /// <summary>Waits until the studio's circuit is live and Monaco has loaded.</summary>
    public static async Task WaitForStudioAsync(IPage page)
    {
        await page.Locator("[data-testid=studio][data-interactive=true][data-monaco=true]").WaitForAsync();
    }

    public static async Task WaitForEditorAsync(IPage page)
    {
        await WaitForStudioAsync(page);
        await page.Locator("#studio-editor .view-lines").WaitForAsync();
    }

    /// <summary>
    /// Selects everything in the editor and pastes <paramref name="text"/> over it through the clipboard, as an
    /// author pastes a script (typing it key by key would meet the editor's auto-indentation).
    /// </summary>
    public static async Task ReplaceEditorTextAsync(IPage page, string text)
    {
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await page.EvaluateAsync("text => navigator.clipboard.writeText(text)", text);
        await page.Locator("#studio-editor .view-lines").ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.PressAsync("Control+V");
        Assert.Equal(text, await EditorTextAsync(page));
    }

    public static Task<string> EditorTextAsync(IPage page) =>
        page.EvaluateAsync<string>("() => window.blazorMonaco.editors.find(e => e.id === 'studio-editor').editor.getValue()");

    /// <summary>
    /// Clicks with the element in the middle of the window: scrolled only "into view" it sits at the bottom edge,
    /// where a snackbar that appears at that moment takes the click.
    /// </summary>
    public static async Task ClickCenteredAsync(ILocator locator)
    {
        await locator.EvaluateAsync("e => e.scrollIntoView({ block: 'center' })");
        await locator.ClickAsync();
    }

    /// <summary>
    /// A new admin in the studio of a new tool with two head drafts: v2 holds <paramref name="v2Source"/>, v3 (the
    /// starter) is the one the studio opens. Returns the page with the editor ready and the tool's id.
    /// </summary>
    public static async Task<(IPage Page, string ToolId)> OpenTwoDraftsAsNewAdminAsync(BrowserFixture fixture, string name, string v2Source)
    {
        var world = new Tools.WalkWorld(fixture);
        var (admin, toolId) = await world.AdminWithDraftAsync(name, name, "Två utkast.", v2Source, "Första",
            new { fields = Array.Empty<object>(), files = new { minFiles = 0, maxFiles = 0 } });
        using (var api = await world.ApiAsync(admin))
        {
            await api.PostAsync($"api/v1/tools/{toolId}/versions");
        }
        var page = await LoginAsync(fixture, admin);
        await GotoInteractiveAsync(page, $"/admin/tools/{toolId}/studio");
        await WaitForEditorAsync(page);
        await Assertions.Expect(page.GetByTestId("editor-version")).ToHaveTextAsync("Redigerar utkast v3");
        return (page, toolId);
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
}
