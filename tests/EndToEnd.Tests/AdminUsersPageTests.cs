using Skriptoteket.EndToEnd.Tests.Teacher;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Skriptoteket.EndToEnd.Tests;

/// <summary>
/// The interactive users page: a superuser creates an account and sees it listed at once: the list searches for the
/// new address, so the account shows wherever it would sort among the installation's others.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminUsersPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_superuser_creates_an_account_on_the_users_page()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/login?returnUrl=%2Fadmin%2Fusers");
        await page.FillAsync("#email", BrowserFixture.SuperuserEmail);
        await page.FillAsync("#password", BrowserFixture.SuperuserPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(new Regex("/admin/users$"));
        await BrowserSteps.WaitInteractiveAsync(page);
        var email = $"larare-{Guid.NewGuid():N}@skola.test";

        await page.GetByLabel("E-post", new() { Exact = true }).First.FillAsync(email);
        await page.GetByLabel("Namn", new() { Exact = true }).First.FillAsync("Lärare Larsson");
        await page.GetByLabel("Lösenord (minst 12 tecken)").FillAsync("kort");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa konto" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Lösenordet måste vara minst 12 tecken långt.")).ToBeVisibleAsync();

        await page.GetByLabel("Lösenord (minst 12 tecken)").FillAsync("Ett-långt-lösenord-42");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa konto" }).DblClickAsync(); // as a person might

        await Assertions.Expect(page.GetByText("Kontot skapades.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = email })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Sök på namn eller e-post")).ToHaveValueAsync(email);
        await Assertions.Expect(page.GetByText("Det finns redan ett konto med den e-postadressen.")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "admin-users");
        await page.Context.CloseAsync();
    }
}
