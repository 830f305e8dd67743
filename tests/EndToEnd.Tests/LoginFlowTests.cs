using Skriptoteket.EndToEnd.Tests.Teacher;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Skriptoteket.EndToEnd.Tests;

/// <summary>The first superuser signs in through the real form, sees the navigation of the role, and signs out.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LoginFlowTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_superuser_logs_in_through_the_form_sees_the_role_navigation_and_logs_out()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/admin/users");
        Assert.Matches(new Regex("/login\\?returnUrl="), page.Url);

        // The site's stylesheet is served and applied: unstyled, the static form's inputs have no visible border.
        Assert.Equal("1px", await page.Locator("#email").EvaluateAsync<string>("e => getComputedStyle(e).borderTopWidth"));
        await page.FillAsync("#email", BrowserFixture.SuperuserEmail);
        await page.FillAsync("#password", "fel-lösenord-för-test");
        await page.ClickAsync("button[type=submit]");
        await page.GetByTestId("login-error").WaitForAsync();
        Assert.Contains("Fel e-postadress eller lösenord", await page.GetByTestId("login-error").InnerTextAsync());

        await page.FillAsync("#email", BrowserFixture.SuperuserEmail);
        await page.FillAsync("#password", BrowserFixture.SuperuserPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(new Regex("/admin/users$"));

        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" });
        foreach (var entry in new[] { "Hem", "Mina körningar", "Föreslå verktyg", "Mina utkast", "Förslag att granska",
                     "Användare", "Nomineringar", "Granskningslogg" })
        {
            await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = entry, Exact = true })).ToBeVisibleAsync();
        }
        // Orleans' dashboard is not a page of the app: it opens in a new tab and says so.
        var dashboard = nav.GetByRole(AriaRole.Link, new() { Name = "Orleans-dashboard (öppnas i en ny flik)", Exact = true });
        await Assertions.Expect(dashboard).ToBeVisibleAsync();
        await Assertions.Expect(dashboard).ToHaveAttributeAsync("target", "_blank");
        await Assertions.Expect(dashboard).ToHaveAttributeAsync("rel", new Regex(@"\bnoopener\b"));
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync("Superanvändare");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Användare" })).ToBeVisibleAsync();

        await BrowserSteps.WaitInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login$"), new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#email")).ToBeVisibleAsync();
        await page.GotoAsync("/admin/users");
        Assert.Matches(new Regex("/login\\?returnUrl="), page.Url);
        await page.Context.CloseAsync();
    }
}
