using Microsoft.Playwright;

namespace Skriptoteket.EndToEnd.Tests.Teacher;

/// <summary>Keyboard alone: the first Tab reaches a visible skip link that moves focus to the content; focus is always drawn.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Skip_link_comes_first_and_moves_focus_to_the_main_content_with_a_visible_focus_ring()
    {
        var page = await BrowserSteps.LoginAsSuperuserAsync(fixture);
        await BrowserSteps.GotoInteractiveAsync(page, "/");

        // Blazor focuses the page's h1 after navigation (for screen readers); a keyboard user arriving at the
        // top of the page starts from the document itself.
        await page.Locator("body").EvaluateAsync("b => { b.tabIndex = -1; b.focus(); b.removeAttribute('tabindex'); }");
        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByTestId("skip-link");
        await Assertions.Expect(skip).ToBeFocusedAsync();
        await Assertions.Expect(skip).ToHaveTextAsync("Hoppa till innehållet");
        var box = await skip.BoundingBoxAsync();
        Assert.True(box is { Y: >= 0 }, "the focused skip link is on screen");
        Assert.NotEqual("none", await skip.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle"));

        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main-content", await page.EvaluateAsync<string>("() => document.activeElement.id"));

        // The next Tab lands inside the content, on something with a drawn focus ring.
        await page.Keyboard.PressAsync("Tab");
        var inMain = await page.EvaluateAsync<bool>("() => document.getElementById('main-content').contains(document.activeElement)");
        var outline = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
        Assert.True(inMain, "focus should continue inside the main content");
        Assert.NotEqual("none", outline);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_heading_focused_after_navigation_is_not_framed()
    {
        var page = await BrowserSteps.LoginAsSuperuserAsync(fixture);
        // Opened by its address (no click before it): the browser would draw the programmatic focus.
        await BrowserSteps.GotoInteractiveAsync(page, "/my-runs");

        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Mina körningar" });
        await Assertions.Expect(heading).ToBeFocusedAsync();

        Assert.Equal("none", await heading.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle"));
        await page.Context.CloseAsync();
    }
}
