using Microsoft.Playwright;

namespace Skriptoteket.EndToEnd.Tests.Teacher;

/// <summary>Steps every teacher-page test repeats: sign in through the form, open a page once its circuit is live.</summary>
internal static class BrowserSteps
{
    public static async Task<IPage> LoginAsync(BrowserFixture fixture, string email, string password, BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.BaseURL = fixture.Host.BaseAddress.ToString();
        options.Locale ??= "sv-SE";
        options.ReducedMotion ??= BrowserFixture.StillMotion;
        var context = await fixture.Browser.NewContextAsync(options);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/login"));
        return page;
    }

    /// <summary>A new account of the role (made by the one <see cref="Tools.WalkWorld"/>), signed in on a page of its own.</summary>
    public static async Task<IPage> LoginAsNewAsync(BrowserFixture fixture, string role = "user", BrowserNewContextOptions? options = null)
    {
        var email = await new Tools.WalkWorld(fixture).AccountAsync(role, role == "user" ? "larare" : role);
        return await LoginAsync(fixture, email, Tools.WalkWorld.Password, options);
    }

    public static Task<IPage> LoginAsSuperuserAsync(BrowserFixture fixture, BrowserNewContextOptions? options = null) =>
        LoginAsync(fixture, BrowserFixture.SuperuserEmail, BrowserFixture.SuperuserPassword, options);

    /// <summary>Opens a page and waits until its circuit is live: input on the prerendered markup can be lost.</summary>
    public static async Task GotoInteractiveAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await WaitInteractiveAsync(page);
    }

    /// <summary>Waits until the page's circuit is live: before that, a prerendered page shows data it may redraw.</summary>
    public static Task WaitInteractiveAsync(IPage page) =>
        page.Locator("#render-mode[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>
    /// Opens the navigation drawer on a phone. The drawer starts open and closes itself once MudBlazor has measured
    /// the screen (a browser round trip after the circuit starts); a tap before that only undoes the opening.
    /// </summary>
    public static async Task OpenMenuAsync(IPage page)
    {
        var button = page.GetByTestId("menu-button");
        await Assertions.Expect(button).ToHaveAttributeAsync("aria-expanded", "false");
        await button.ClickAsync();
        await Assertions.Expect(button).ToHaveAttributeAsync("aria-expanded", "true");
    }

    /// <summary>
    /// The file input is enabled once the run form is live: files set on the prerendered (disabled) input
    /// would be lost when the interactive render replaces it.
    /// </summary>
    public static Task WaitForFileInputAsync(IPage page) =>
        Assertions.Expect(page.GetByTestId("run-files")).ToBeEnabledAsync();

    /// <summary>
    /// Chooses "elever.csv" on the run page and waits until the page took it. InputFile attaches its change listener
    /// in a render after the input appears enabled; files set in between are not seen, so they are set again then.
    /// </summary>
    public static async Task ChooseCsvAsync(IPage page)
    {
        await WaitForFileInputAsync(page);
        var chosen = page.GetByTestId("run-chosen");
        for (var attempt = 1; ; attempt++)
        {
            await page.GetByTestId("run-files").SetInputFilesAsync(new FilePayload
            {
                Name = "elever.csv", MimeType = "text/csv", Buffer = "namn\nAda\nBo"u8.ToArray(),
            });
            try
            {
                await chosen.WaitForAsync(new() { Timeout = attempt < 3 ? 5_000 : 30_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                // Not taken: set the files once more (see above).
            }
        }
    }

    /// <summary>Chooses a CSV on the run page, runs it and waits until the run is done.</summary>
    public static async Task RunWithCsvAsync(IPage page, string slug)
    {
        await GotoInteractiveAsync(page, $"/tools/{slug}/run");
        await WaitForFileInputAsync(page);
        await page.GetByTestId("run-files").SetInputFilesAsync(new FilePayload
        {
            Name = "elever.csv", MimeType = "text/csv", Buffer = "namn\nAda\nBo"u8.ToArray(),
        });
        await page.GetByTestId("run-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveAttributeAsync("data-finished", "true", new() { Timeout = 60_000 });
    }
}
