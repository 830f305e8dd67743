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
}
