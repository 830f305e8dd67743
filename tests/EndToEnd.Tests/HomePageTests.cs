using Microsoft.Playwright;
using Skriptoteket.EndToEnd.Tests.Teacher;

namespace Skriptoteket.EndToEnd.Tests;

[Collection(BrowserCollection.Name)]
public sealed class HomePageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_home_page_renders_in_swedish_with_mudblazor_styles()
    {
        var page = await fixture.NewPageAsync();

        var response = await page.GotoAsync("/");
        var appBarColor = await page.Locator(".mud-appbar").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");

        Assert.True(response!.Ok);
        Assert.Equal("sv", await page.GetAttributeAsync("html", "lang"));
        Assert.Contains("Skriptoteket", await page.TitleAsync());
        // Unstyled, an app bar is transparent: a colour proves MudBlazor's stylesheet was served and applied.
        Assert.NotEqual("rgba(0, 0, 0, 0)", appBarColor);
    }

    [Fact]
    public async Task An_anonymous_visitor_is_told_to_sign_in_to_open_the_tools()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");

        await Assertions.Expect(page.GetByTestId("sign-in-hint")).ToContainTextAsync("Logga in");
        await page.GetByTestId("sign-in-hint").GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/login"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_search_is_kept_in_the_address_so_reload_and_back_show_its_results()
    {
        var (slug, title) = await TeacherTool.PublishAsync(fixture.Database);
        var page = await BrowserSteps.LoginAsSuperuserAsync(fixture);
        await BrowserSteps.GotoInteractiveAsync(page, "/");
        await Assertions.Expect(page.GetByTestId("sign-in-hint")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Textbox, new() { Name = "Sök verktyg" }).FillAsync(title);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sök", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("?q="));
        var result = page.Locator($"a[href='/tools/{slug}']");
        await Assertions.Expect(result).ToBeVisibleAsync();

        await page.ReloadAsync();
        await Assertions.Expect(result).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Sök verktyg" })).ToHaveValueAsync(title);

        await result.ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith($"/tools/{slug}"));
        await page.GoBackAsync();
        await Assertions.Expect(result).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
