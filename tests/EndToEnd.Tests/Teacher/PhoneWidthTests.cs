using Microsoft.Playwright;

namespace Skriptoteket.EndToEnd.Tests.Teacher;

/// <summary>The teacher pages at 390 px (a phone): the menu folds away, nothing scrolls sideways, the result fits.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneWidthTests(BrowserFixture fixture)
{
    private static readonly BrowserNewContextOptions Phone = new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true };

    [Fact]
    public async Task Run_page_at_390px_has_a_collapsed_menu_no_sideways_scroll_and_a_fitting_result()
    {
        var (slug, _) = await TeacherTool.PublishAsync(fixture.Database);
        var page = await BrowserSteps.LoginAsSuperuserAsync(fixture, Phone);

        await BrowserSteps.RunWithCsvAsync(page, slug);

        var drawer = page.GetByTestId("main-drawer");
        Assert.False(await IsOnScreenAsync(drawer), "the navigation drawer should be closed at phone width");
        await BrowserSteps.OpenMenuAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Mina körningar" })).ToBeVisibleAsync();
        Assert.True(await IsOnScreenAsync(drawer), "the menu button should open the drawer");
        await page.Keyboard.PressAsync("Escape");
        await page.Mouse.ClickAsync(380, 800);
        // The drawer slides out in a fraction of a second.
        await Eventually.UntilAsync(async () => !await IsOnScreenAsync(drawer), TimeSpan.FromSeconds(5), "the drawer closes again");

        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "the run page scrolls sideways at 390 px");
        var frame = await page.Locator("iframe.run-result").BoundingBoxAsync();
        Assert.NotNull(frame);
        Assert.True(frame.X >= 0 && frame.X + frame.Width <= 390, $"result frame at x={frame.X}, width={frame.Width}");
        await Screenshots.SaveAsync(page, "run-phone");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Insights_pages_at_390px_do_not_scroll_sideways()
    {
        var (slug, _) = await TeacherTool.PublishAsync(fixture.Database);
        var toolId = await fixture.Database.ScalarAsync<Guid>($"SELECT id FROM tools WHERE slug = '{slug}'");
        var page = await BrowserSteps.LoginAsSuperuserAsync(fixture, Phone);
        await BrowserSteps.RunWithCsvAsync(page, slug);

        foreach (var url in new[] { $"/admin/tools/{toolId}/insights", "/admin/insights" })
        {
            await BrowserSteps.GotoInteractiveAsync(page, url);
            await Assertions.Expect(page.Locator(".insights-table").First).ToBeVisibleAsync();
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
                $"{url} scrolls sideways at 390 px");
        }
        await Assertions.Expect(page.GetByTestId("insights-overview").Locator($"tr[data-tool='{slug}'] td").First).ToHaveTextAsync("1");
        await page.Context.CloseAsync();
    }

    private static async Task<bool> IsOnScreenAsync(ILocator element)
    {
        var box = await element.BoundingBoxAsync();
        return box is not null && box.X + box.Width > 1 && box.X < 390 && await element.IsVisibleAsync();
    }
}
