using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Skriptoteket.EndToEnd.Tests.Teacher;
using Skriptoteket.EndToEnd.Tests.Tools;
using Xunit.Abstractions;

namespace Skriptoteket.EndToEnd.Tests;

/// <summary>"Mitt konto" (issue 22) in two browsers of one teacher, an admin's new password, and a deactivated teacher's open page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountWalkTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Password = WalkWorld.Password;
    private const string NewPassword = "Mitt-eget-nya-lösenord-9";

    private static readonly BrowserNewContextOptions Phone = new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true };

    [Fact]
    public Task A_teacher_changes_language_and_password_and_their_other_browser_is_signed_out() =>
        fixture.ShowingHostLogOnFailureAsync(output, async () =>
        {
            var email = await NewTeacherAsync();
            var laptop = await BrowserSteps.LoginAsync(fixture, email, Password);
            var phone = await BrowserSteps.LoginAsync(fixture, email, Password, Phone);

            // The phone opens "Mitt konto" from the menu; the page fits 390 px.
            await BrowserSteps.WaitInteractiveAsync(phone);
            await BrowserSteps.OpenMenuAsync(phone);
            await phone.GetByRole(AriaRole.Link, new() { Name = "Mitt konto" }).ClickAsync();
            await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Mitt konto", Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(phone.GetByTestId("session-row")).ToHaveCountAsync(2);
            Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
                "/account scrolls sideways at 390 px");

            // The laptop opens it from the name in the top bar and chooses English.
            await BrowserSteps.WaitInteractiveAsync(laptop);
            await laptop.GetByTestId("signed-in-user").ClickAsync();
            await Assertions.Expect(laptop.GetByRole(AriaRole.Heading, new() { Name = "Mitt konto", Level = 1 })).ToBeVisibleAsync();
            await BrowserSteps.WaitInteractiveAsync(laptop);
            await Assertions.Expect(laptop.GetByTestId("this-session")).ToHaveTextAsync("Den här sessionen");
            await laptop.GetByTestId("language-choice").GetByText("English").ClickAsync();
            await laptop.GetByTestId("save-profile").ClickAsync();
            await Assertions.Expect(laptop.GetByRole(AriaRole.Heading, new() { Name = "My account", Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(laptop.GetByTestId("profile-saved")).ToHaveTextAsync("Your details are saved.");
            await BrowserSteps.WaitInteractiveAsync(laptop);

            // A mistyped repeat is caught before anything is sent; then the real change.
            await laptop.Locator("#current-password").FillAsync(Password);
            await laptop.Locator("#new-password").FillAsync(NewPassword);
            await laptop.Locator("#repeat-password").FillAsync(NewPassword + "x");
            await laptop.GetByTestId("change-password").ClickAsync();
            await Assertions.Expect(laptop.GetByTestId("password-error")).ToHaveTextAsync("The two new passwords differ. Type the same password in both fields.");
            await laptop.Locator("#repeat-password").FillAsync(NewPassword);
            await laptop.GetByTestId("change-password").ClickAsync();
            await Assertions.Expect(laptop.GetByText("Your password is changed. Your other sessions have been signed out.")).ToBeVisibleAsync();
            await Assertions.Expect(laptop.GetByTestId("session-row")).ToHaveCountAsync(1);

            // The phone's session ended: its next page load asks for a login. The old password no longer opens it.
            await phone.ReloadAsync();
            await Assertions.Expect(phone).ToHaveURLAsync(new Regex("/login\\?returnUrl="));
            await LoginFormAsync(phone, email, Password);
            await Assertions.Expect(phone.GetByTestId("login-error")).ToBeVisibleAsync();
            // A new login starts in the saved language, on a device that never chose it.
            await LoginFormAsync(phone, email, NewPassword);
            await Assertions.Expect(phone.Locator("html")).ToHaveAttributeAsync("lang", "en");
            await BrowserSteps.GotoInteractiveAsync(phone, "/account");
            await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "My account", Level = 1 })).ToBeVisibleAsync();

            // And the laptop, logged out and in again, keeps English too.
            await laptop.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
            await laptop.Context.ClearCookiesAsync();
            await laptop.GotoAsync("/login");
            await LoginFormAsync(laptop, email, NewPassword);
            await Assertions.Expect(laptop.Locator("html")).ToHaveAttributeAsync("lang", "en");
            await laptop.Context.CloseAsync();
            await phone.Context.CloseAsync();
        });

    [Fact]
    public Task After_an_admin_sets_a_new_password_the_teacher_must_choose_their_own_first() =>
        fixture.ShowingHostLogOnFailureAsync(output, async () =>
        {
            var email = await NewTeacherAsync();
            var admin = await BrowserSteps.LoginAsSuperuserAsync(fixture);
            await BrowserSteps.GotoInteractiveAsync(admin, "/admin/users");
            await admin.GetByLabel("Sök på namn eller e-post").FillAsync(email);
            await admin.GetByLabel("Sök på namn eller e-post").PressAsync("Enter");
            await Assertions.Expect(admin.GetByTestId("set-password")).ToHaveCountAsync(1);
            await admin.GetByTestId("set-password").ClickAsync();
            await admin.Locator("#admin-new-password").FillAsync(NewPassword);
            await admin.GetByRole(AriaRole.Button, new() { Name = "Nytt lösenord" }).Last.ClickAsync();
            await Assertions.Expect(admin.GetByText("Personen måste byta det vid nästa inloggning.")).ToBeVisibleAsync();
            await admin.Context.CloseAsync();

            var teacher = await BrowserSteps.LoginAsync(fixture, email, NewPassword);
            await Assertions.Expect(teacher).ToHaveURLAsync(new Regex("/account/password$"));
            await Assertions.Expect(teacher.GetByRole(AriaRole.Heading, new() { Name = "Välj ett nytt lösenord" })).ToBeVisibleAsync();
            // Any other page leads back here until the password is changed.
            await teacher.GotoAsync("/my-runs");
            await Assertions.Expect(teacher).ToHaveURLAsync(new Regex("/account/password$"));
            await BrowserSteps.WaitInteractiveAsync(teacher);
            await teacher.Locator("#current-password").FillAsync(NewPassword);
            await teacher.Locator("#new-password").FillAsync(Password);
            await teacher.Locator("#repeat-password").FillAsync(Password);
            await teacher.GetByTestId("change-password").ClickAsync();

            await Assertions.Expect(teacher).ToHaveURLAsync(new Regex("/$"));
            await BrowserSteps.GotoInteractiveAsync(teacher, "/my-runs");
            await Assertions.Expect(teacher.GetByRole(AriaRole.Heading, new() { Name = "Mina körningar" })).ToBeVisibleAsync();
            await teacher.Context.CloseAsync();
        });

    [Fact]
    public Task A_deactivated_teachers_open_page_stops_acting_at_once_and_signs_out() =>
        fixture.ShowingHostLogOnFailureAsync(output, async () =>
        {
            var email = await NewTeacherAsync();
            var teacher = await BrowserSteps.LoginAsync(fixture, email, Password);
            await BrowserSteps.GotoInteractiveAsync(teacher, "/account");
            await Assertions.Expect(teacher.GetByTestId("session-row")).ToHaveCountAsync(1);

            using (var superuser = await new WalkWorld(fixture).SuperuserAsync())
            {
                var id = (await superuser.GetAsync($"api/v1/users?q={Uri.EscapeDataString(email)}")).GetProperty("items")[0].GetProperty("id").GetString();
                await superuser.PostAsync($"api/v1/users/{id}/deactivate");
            }

            // Well within the circuit's re-check interval, the open page can no longer act...
            await teacher.Locator("#display-name").FillAsync("Ska inte sparas");
            await teacher.GetByTestId("save-profile").ClickAsync();
            await Assertions.Expect(teacher.GetByTestId("profile-error")).ToHaveTextAsync("Du har inte behörighet till detta.");
            // ...and it leaves for the login once the circuit re-checks (every 30 s; one interval plus slack).
            await Assertions.Expect(teacher).ToHaveURLAsync(new Regex("/login\\?returnUrl="), new() { Timeout = 100_000 });
            await teacher.Context.CloseAsync();
        });

    private async Task<string> NewTeacherAsync()
    {
        return await new WalkWorld(fixture).AccountAsync("user", "larare");
    }

    private static async Task LoginFormAsync(IPage page, string email, string password)
    {
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        // The login form is a plain POST: success and refusal both load a new document, which lacks the old one's mark.
        await page.EvaluateAsync("window.beforeLogin = true");
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForFunctionAsync("() => window.beforeLogin === undefined");
        await page.WaitForLoadStateAsync();
    }
}
