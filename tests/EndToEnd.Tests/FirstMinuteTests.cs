using Microsoft.Playwright;

using Skriptoteket.EndToEnd.Tests.Teacher;

namespace Skriptoteket.EndToEnd.Tests;

/// <summary>
/// A newcomer's first minute with the product as ./run.sh starts it (the published host, from the repository
/// root): every script and stylesheet the home page loads is really there, the live circuit connects and a
/// click changes the page. This failed while the published host answered every asset with an empty 200.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FirstMinuteTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Every_script_and_stylesheet_of_the_home_page_is_served_with_content_and_its_type()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        var scripts = await page.Locator("script[src]").EvaluateAllAsync<string[]>("es => es.map(e => e.src)");
        var stylesheets = await page.Locator("link[rel=stylesheet]").EvaluateAllAsync<string[]>("es => es.map(e => e.href)");

        Assert.Contains(scripts, src => src.EndsWith("/_framework/blazor.web.js", StringComparison.Ordinal));
        Assert.Contains(stylesheets, href => href.Contains("MudBlazor", StringComparison.Ordinal));
        foreach (var (url, types) in scripts.Select(s => (s, new[] { "text/javascript", "application/javascript" }))
                     .Concat(stylesheets.Select(s => (s, new[] { "text/css" }))))
        {
            using var response = await fixture.Host.Http.GetAsync(url);
            var body = await response.Content.ReadAsByteArrayAsync();
            Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}");
            Assert.True(body.Length > 100, $"{url} answered only {body.Length} bytes");
            Assert.Contains(response.Content.Headers.ContentType?.MediaType, types);
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_home_page_becomes_interactive_and_a_search_click_answers()
    {
        var page = await BrowserSteps.LoginAsSuperuserAsync(fixture);

        await BrowserSteps.GotoInteractiveAsync(page, "/");
        await page.GetByLabel("Sök verktyg").FillAsync("finns-inte-" + Guid.NewGuid().ToString("N")[..6]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sök", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByText("Inga verktyg matchade sökningen.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        // Styled: an unstyled app bar is transparent.
        var appBarColor = await page.Locator(".mud-appbar").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.NotEqual("rgba(0, 0, 0, 0)", appBarColor);
        await Screenshots.SaveAsync(page, "home");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_static_file_that_does_not_exist_answers_404_not_an_empty_200()
    {
        foreach (var path in new[] { "_content/Skriptoteket.Web/finns-inte.css", "_framework/finns-inte.js", "finns-inte.png" })
        {
            using var response = await fixture.Host.Http.GetAsync(path);
            Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        }
    }
}
