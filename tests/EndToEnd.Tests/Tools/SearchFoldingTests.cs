using Microsoft.Playwright;
using Skriptoteket.EndToEnd.Tests.Teacher;

namespace Skriptoteket.EndToEnd.Tests.Tools;

/// <summary>People type without å/ä/ö on phones: "franvaro" finds "Frånvaro" on home and in the admin tools list.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchFoldingTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Typing_franvaro_finds_the_franvaro_tool_on_home_and_in_the_admin_list()
    {
        var (slug, tail) = await PublishFranvaroToolAsync();
        var other = await TeacherTool.PublishAsync(fixture.Database);
        var page = await BrowserSteps.LoginAsSuperuserAsync(fixture);

        await BrowserSteps.GotoInteractiveAsync(page, "/");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Sök verktyg" }).FillAsync($"franvaro {tail}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sök", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("?q=franvaro"));
        await Assertions.Expect(page.Locator($"a[href='/tools/{slug}']")).ToBeVisibleAsync();

        await BrowserSteps.GotoInteractiveAsync(page, "/admin/tools");
        await Assertions.Expect(page.Locator($"tr[data-tool='{other.Slug}']")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Sök bland verktygen" }).FillAsync($"FRANVARO {tail}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sök", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/admin/tools?q=FRANVARO"));
        await Assertions.Expect(page.Locator("tr[data-tool]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator($"tr[data-tool='{slug}']")).ToContainTextAsync($"Frånvaro {tail}");

        // The search lives in the address: reload keeps it.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("tr[data-tool]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Sök bland verktygen" })).ToHaveValueAsync($"FRANVARO {tail}");
        await page.Context.CloseAsync();
    }

    /// <summary>A published tool titled "Frånvaro …" (with å), the tail making it the only match.</summary>
    private async Task<(string Slug, string Tail)> PublishFranvaroToolAsync()
    {
        var (slug, _) = await TeacherTool.PublishAsync(fixture.Database);
        var tail = slug[^6..];
        await using var data = fixture.Database.CreateDataSource();
        await using var update = data.CreateCommand("UPDATE tools SET title = @title WHERE slug = @slug");
        update.Parameters.AddWithValue("title", $"Frånvaro {tail}");
        update.Parameters.AddWithValue("slug", slug);
        await update.ExecuteNonQueryAsync();
        return (slug, tail);
    }
}
