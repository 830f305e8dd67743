using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Skriptoteket.EndToEnd.Tests.Tools;

namespace Skriptoteket.EndToEnd.Tests.Teacher;

/// <summary>
/// A page a teacher may not open, and an address with no page, answer with the app's own page in the layout
/// (menu, Swedish heading, a way home) and keep their status; the JSON API keeps its JSON error body.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ErrorPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_teacher_on_an_admin_page_sees_access_denied_in_the_layout_and_finds_the_way_home()
    {
        var page = await BrowserSteps.LoginAsNewAsync(fixture);

        var response = await page.GotoAsync("/admin/users");
        Assert.Equal(403, response!.Status);
        await ExpectProblemPageAsync(page, "Åtkomst nekad", "Du har inte behörighet till den här sidan.");
        // Still so once the page is live (the interactive router decides again, with the same answer).
        await BrowserSteps.WaitInteractiveAsync(page);
        await ExpectProblemPageAsync(page, "Åtkomst nekad", "Du har inte behörighet till den här sidan.");
        await Screenshots.SaveAsync(page, "access-denied");

        await page.GetByRole(AriaRole.Link, new() { Name = "Till startsidan" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/$"));

        // The API under the same cookie still answers in JSON.
        var api = await page.APIRequest.GetAsync("/api/v1/users", new() { Headers = new Dictionary<string, string> { ["Accept"] = "text/html" } });
        Assert.Equal(403, api.Status);
        Assert.Contains("\"FORBIDDEN\"", await api.TextAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_teacher_on_the_admins_dashboard_gets_not_found_with_status_and_text_agreeing()
    {
        // SPEC §1: what someone may not see is "not found", never a hint. The dashboard is no page of the app, so
        // the live router also says "Sidan hittades inte"; it said so under a 403 before.
        var page = await BrowserSteps.LoginAsNewAsync(fixture);

        var response = await page.GotoAsync("/dashboard");
        Assert.Equal(404, response!.Status);
        await ExpectProblemPageAsync(page, "Sidan hittades inte", "Det finns ingen sida på den här adressen.");
        await BrowserSteps.WaitInteractiveAsync(page);
        await ExpectProblemPageAsync(page, "Sidan hittades inte", "Det finns ingen sida på den här adressen.");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_address_with_no_page_says_page_not_found_in_the_layout()
    {
        var page = await BrowserSteps.LoginAsSuperuserAsync(fixture);

        var response = await page.GotoAsync("/finns-inte/alls");
        Assert.Equal(404, response!.Status);
        await ExpectProblemPageAsync(page, "Sidan hittades inte", "Det finns ingen sida på den här adressen.");
        await BrowserSteps.WaitInteractiveAsync(page);
        await ExpectProblemPageAsync(page, "Sidan hittades inte", "Det finns ingen sida på den här adressen.");
        await Screenshots.SaveAsync(page, "not-found");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_unknown_tool_or_run_says_what_was_not_found_in_the_layout_with_a_way_home()
    {
        var page = await BrowserSteps.LoginAsSuperuserAsync(fixture);

        await BrowserSteps.GotoInteractiveAsync(page, "/tools/finns-inte");
        await ExpectProblemPageAsync(page, "Verktyget hittades inte", "Det kan ha tagits bort, eller så är adressen fel.");
        await BrowserSteps.GotoInteractiveAsync(page, $"/runs/{Guid.NewGuid()}");
        await ExpectProblemPageAsync(page, "Körningen hittades inte", "Det kan ha tagits bort, eller så är adressen fel.");

        await page.GetByRole(AriaRole.Link, new() { Name = "Till startsidan" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/$"));
        await page.Context.CloseAsync();
    }

    private static async Task ExpectProblemPageAsync(IPage page, string heading, string text)
    {
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
        await Assertions.Expect(page.GetByTestId("problem-text")).ToContainTextAsync(text);
        await Assertions.Expect(page).ToHaveTitleAsync($"{heading} – Skriptoteket");
        // Within the layout: the main menu is there, and the page is styled (MudBlazor's paper).
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" })).ToBeAttachedAsync();
        await Assertions.Expect(page.GetByTestId("problem-page")).ToHaveClassAsync(new Regex("mud-paper"));
    }
}
