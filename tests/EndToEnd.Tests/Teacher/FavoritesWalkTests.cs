using Microsoft.Playwright;
using Skriptoteket.EndToEnd.Tests.Tools;
using Xunit.Abstractions;

namespace Skriptoteket.EndToEnd.Tests.Teacher;

/// <summary>
/// Issue 22: a teacher stars two tools (on the tool page with the mouse, in the search results with the keyboard),
/// runs one, and finds "Mina favoriter" and "Senast använda" on the home page; a depublished favorite leaves the
/// list and comes back when republished; the page fits a phone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FavoritesWalkTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private static readonly object OneCsv = new { fields = Array.Empty<object>(), files = new { minFiles = 1, maxFiles = 1, extensions = new[] { ".csv" } } };

    [Fact]
    public async Task A_teacher_stars_two_tools_runs_one_and_finds_both_lists_on_home()
    {
        await fixture.ShowingHostLogOnFailureAsync(output, WalkAsync);
    }

    private async Task WalkAsync()
    {
        var world = new WalkWorld(fixture);
        var tag = world.Tag;
        var teacher = await world.AccountAsync("user", "favoriter");
        var (first, second) = ((Slug: $"klasslista-{tag}", Title: $"Klasslista {tag}"), (Slug: $"narvaro-{tag}", Title: $"Närvaro {tag}"));
        using var api = await world.SuperuserAsync();
        await api.PublishToolAsync(first.Slug, first.Title, "Räknar raderna i en CSV-fil.", TeacherTool.Script, OneCsv);
        var secondId = await api.PublishToolAsync(second.Slug, second.Title, "Räknar raderna i en CSV-fil.", TeacherTool.Script, OneCsv);

        // A newcomer's home has neither list.
        var page = await BrowserSteps.LoginAsync(fixture, teacher, WalkWorld.Password);
        await BrowserSteps.GotoInteractiveAsync(page, "/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Välj din yrkesroll" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("my-favorites")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("recent-tools")).ToHaveCountAsync(0);

        // The first on its tool page, with the mouse: pressed, and said.
        await BrowserSteps.GotoInteractiveAsync(page, $"/tools/{first.Slug}");
        var star = page.GetByRole(AriaRole.Button, new() { Name = $"Favorit: {first.Title}" });
        await Assertions.Expect(star).ToHaveAttributeAsync("aria-pressed", "false");
        await star.ClickAsync();
        await Assertions.Expect(star).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.GetByTestId("favorite-announcement")).ToHaveTextAsync("Tillagd i favoriter");

        // The second in the search results, with the keyboard.
        await BrowserSteps.GotoInteractiveAsync(page, $"/?q={Uri.EscapeDataString(second.Title)}");
        var results = page.GetByTestId("search-results");
        var secondStar = results.GetByRole(AriaRole.Button, new() { Name = $"Favorit: {second.Title}" });
        await secondStar.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(secondStar).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(results.GetByTestId("favorite-announcement")).ToHaveTextAsync("Tillagd i favoriter");

        // Run the first; home then lists both favorites (by title) and the one run.
        await BrowserSteps.RunWithCsvAsync(page, first.Slug);
        await BrowserSteps.GotoInteractiveAsync(page, "/");
        var favorites = page.GetByTestId("my-favorites");
        var recent = page.GetByTestId("recent-tools");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mina favoriter" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Senast använda" })).ToBeVisibleAsync();
        await Assertions.Expect(favorites.Locator("a[href^='/tools/']")).ToHaveTextAsync([first.Title, second.Title]);
        await Assertions.Expect(favorites.GetByRole(AriaRole.Button, new() { Pressed = true })).ToHaveCountAsync(2);
        await Assertions.Expect(recent.Locator("a[href^='/tools/']")).ToHaveTextAsync([first.Title]);
        // Both lists come before the professions.
        Assert.True(await page.EvaluateAsync<bool>(
            "() => { const p = [...document.querySelectorAll('h2')].find(h => h.textContent === 'Välj din yrkesroll');" +
            " return ['my-favorites', 'recent-tools'].every(id => document.querySelector(`[data-testid=${id}]`)" +
            ".compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING); }"), "the lists should stand above the professions");

        // Depublished: gone from the favorites (and from the page); republished: back.
        await api.PostAsync($"api/v1/tools/{secondId}/depublish");
        await BrowserSteps.GotoInteractiveAsync(page, "/");
        await Assertions.Expect(favorites.Locator("a[href^='/tools/']")).ToHaveTextAsync([first.Title]);
        await api.PostAsync($"api/v1/tools/{secondId}/publish");
        await BrowserSteps.GotoInteractiveAsync(page, "/");
        await Assertions.Expect(favorites.Locator("a[href^='/tools/']")).ToHaveTextAsync([first.Title, second.Title]);

        // At phone width nothing scrolls sideways, on home and on the tool page.
        await page.SetViewportSizeAsync(390, 844);
        foreach (var url in new[] { "/", $"/tools/{first.Slug}" })
        {
            await BrowserSteps.GotoInteractiveAsync(page, url);
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Favorit: {first.Title}" }).First).ToBeVisibleAsync();
            // The menu folds away once the page has measured the phone width; until then the content may stand aside.
            await Assertions.Expect(page.GetByTestId("main-drawer")).Not.ToBeInViewportAsync();
            await FitsAsync(page, url);
        }
        await Screenshots.SaveAsync(page, "favorites-phone");

        // Unstarred from home: the star is released at once, the tool leaves the list on the next visit.
        await BrowserSteps.GotoInteractiveAsync(page, "/");
        var firstInFavorites = favorites.GetByRole(AriaRole.Button, new() { Name = $"Favorit: {first.Title}" });
        await firstInFavorites.ClickAsync();
        await Assertions.Expect(firstInFavorites).ToHaveAttributeAsync("aria-pressed", "false");
        await Assertions.Expect(favorites.GetByTestId("favorite-announcement").First).ToHaveTextAsync("Borttagen från favoriter");
        await Assertions.Expect(recent.GetByRole(AriaRole.Button, new() { Name = $"Favorit: {first.Title}" })).ToHaveAttributeAsync("aria-pressed", "false");
        await BrowserSteps.GotoInteractiveAsync(page, "/");
        await Assertions.Expect(favorites.Locator("a[href^='/tools/']")).ToHaveTextAsync([second.Title]);
        await page.Context.CloseAsync();
    }

    /// <summary>Nothing scrolls sideways once the layout has settled (the menu's slide and the content's margin animate).</summary>
    private static async Task FitsAsync(IPage page, string url)
    {
        try
        {
            await page.WaitForFunctionAsync("() => document.documentElement.scrollWidth <= window.innerWidth", null, new() { Timeout = 5_000 });
        }
        catch (TimeoutException)
        {
            var widths = await page.EvaluateAsync<string>("() => document.documentElement.scrollWidth + ' > ' + window.innerWidth");
            Assert.Fail($"{url} scrolls sideways at 390 px: {widths}");
        }
    }
}
