using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Skriptoteket.EndToEnd.Tests.Teacher;

namespace Skriptoteket.EndToEnd.Tests.Tools;

/// <summary>The new-tool form: the title comes first and proposes the slug, until the admin writes one of their own.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NewToolFormTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_slug_follows_the_title_until_written_by_hand_and_the_tool_is_saved_under_it()
    {
        var page = await BrowserSteps.LoginAsSuperuserAsync(fixture);
        await BrowserSteps.GotoInteractiveAsync(page, "/admin/tools/new");
        var title = page.Locator("#tool-title");
        var slug = page.Locator("#tool-slug");
        var unique = Guid.NewGuid().ToString("N")[..6];

        await title.FillAsync($"Närvaro & frånvaro {unique}");
        await Assertions.Expect(slug).ToHaveValueAsync($"narvaro-franvaro-{unique}");
        await Assertions.Expect(page.GetByText($"/tools/narvaro-franvaro-{unique}")).ToBeVisibleAsync();

        // A slug of the admin's own is kept when the title changes again.
        await slug.FillAsync($"egen-{unique}");
        await slug.BlurAsync();
        await title.FillAsync($"Ny titel {unique}");
        await Assertions.Expect(slug).ToHaveValueAsync($"egen-{unique}");

        await page.Locator("[data-profession]").First.ClickAsync();
        await page.Locator("[data-category]").First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();

        await page.WaitForURLAsync(new Regex("/admin/tools/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.Locator("#tool-slug")).ToHaveValueAsync($"egen-{unique}");
        await Assertions.Expect(page.Locator("#tool-title")).ToHaveValueAsync($"Ny titel {unique}");
        await page.Context.CloseAsync();
    }
}
