using Microsoft.Playwright;

namespace Skriptoteket.EndToEnd.Tests.Teacher;

/// <summary>
/// Issue 18, what a new teacher and admin tripped over in their first hour: the numbers of a numbered list in a
/// tool's usage instructions hung outside their card, and a message (snackbar) covered "Logga ut".
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FirstHourLayoutTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_numbered_list_in_the_usage_instructions_keeps_its_numbers_inside_the_card()
    {
        var (slug, _) = await TeacherTool.PublishAsync(fixture.Database, usage: "1. Exportera klasslistan.\n2. Välj filen.\n3. Tryck Kör.");
        var page = await BrowserSteps.LoginAsSuperuserAsync(fixture);

        foreach (var url in new[] { $"/tools/{slug}", $"/tools/{slug}/run" })
        {
            await BrowserSteps.GotoInteractiveAsync(page, url);
            var item = page.Locator(".usage ol li").First;
            await Assertions.Expect(item).ToBeVisibleAsync();
            // The marker sits left of the item's box ("outside"): the item must start far enough into the card
            // (its padding plus room for "3.") for the marker to stay inside it.
            var room = await item.EvaluateAsync<double>(
                "li => li.getBoundingClientRect().left - li.closest('.mud-paper').getBoundingClientRect().left");
            Assert.True(room >= 36, $"{url}: the list item starts {room}px into its card; its number hangs outside.");
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_message_covers_neither_log_out_nor_the_menu()
    {
        var page = await BrowserSteps.LoginAsSuperuserAsync(fixture);
        await BrowserSteps.GotoInteractiveAsync(page, "/suggestions/new");

        await page.GetByRole(AriaRole.Button, new() { Name = "Skicka förslaget" }).ClickAsync();
        var snackbar = page.Locator(".mud-snackbar").First;
        await Assertions.Expect(snackbar).ToBeVisibleAsync();

        var message = (await snackbar.BoundingBoxAsync())!;
        foreach (var (name, covered) in new[]
                 {
                     ("Logga ut", page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" })),
                     ("Huvudmeny", page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" })),
                 })
        {
            var box = (await covered.BoundingBoxAsync())!;
            var overlaps = message.X < box.X + box.Width && box.X < message.X + message.Width
                && message.Y < box.Y + box.Height && box.Y < message.Y + message.Height;
            Assert.False(overlaps, $"The message at ({message.X}, {message.Y}, {message.Width}×{message.Height}) covers {name} at ({box.X}, {box.Y}).");
        }
        await page.Context.CloseAsync();
    }
}
