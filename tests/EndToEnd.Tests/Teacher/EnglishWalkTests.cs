using Microsoft.Playwright;

namespace Skriptoteket.EndToEnd.Tests.Teacher;

/// <summary>Switching to English changes every main page: English headings and labels, no Swedish UI text left.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EnglishWalkTests(BrowserFixture fixture)
{
    // Swedish UI phrases that must not survive the switch (tool titles and taxonomy labels are data, not UI).
    private static readonly string[] Swedish =
    [
        "Mina körningar", "Logga ut", "Välkommen", "Välj din yrkesroll", "Sök verktyg", "Kör verktyget", "Så här gör du",
        "Filtyper", "Välj en fil först", "Dra filen hit", "Startad", "Beställare", "Öppna", "Inga körningar",
        "Alla körningar", "Verktyg", "Förslag att granska", "Föreslå ett verktyg", "Mina utkast", "Mina förslag",
        "Användare", "Granskningslogg", "Hoppa till innehållet", "Klar", "Filer att ladda ner", "Titel", "Huvudmeny",
        "Nytt verktyg", "Sökvägsnamn", "Sammanfattning", "Instruktioner",
    ];

    [Fact]
    public async Task Every_main_page_speaks_english_after_the_switch_and_says_which_language_is_active()
    {
        var (slug, title) = await TeacherTool.PublishAsync(fixture.Database);
        var page = await BrowserSteps.LoginAsSuperuserAsync(fixture);
        await BrowserSteps.GotoInteractiveAsync(page, "/");
        await Assertions.Expect(page.Locator("[data-culture=sv]")).ToHaveAttributeAsync("aria-current", "true");

        await page.Locator("[data-culture=en]").ClickAsync();
        await page.WaitForFunctionAsync("() => document.documentElement.lang === 'en'");
        await Assertions.Expect(page.Locator("[data-culture=en]")).ToHaveAttributeAsync("aria-current", "true");
        await BrowserSteps.RunWithCsvAsync(page, slug);
        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveTextAsync("Done");
        await Assertions.Expect(page.GetByTestId("run-downloads")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Files to download" })).ToBeVisibleAsync();
        await CheckAsync(page, $"/tools/{slug}/run (after a run)", "File types", "Run");

        var pages = new (string Url, string[] Expected)[]
        {
            ("/", ["Welcome to Skriptoteket", "Choose your profession", "Search tools", "My runs", "Log out"]),
            ($"/tools/{slug}", [title, "How to use it", "Run the tool"]),
            ($"/tools/{slug}/run", ["File types", "Drop the file here", "Choose a file first."]),
            ("/my-runs", ["My runs", "Started", "Tool", "Duration", "Done"]),
            ("/admin/runs", ["All runs", "Requested by", "Filter"]),
            ("/admin/tools", ["Tools", "New tool", "Active version"]),
            ("/admin/tools/new", ["New tool", "Path name", "Summary", "Instructions (Markdown)", "Save"]),
            ("/admin/suggestions", ["Suggestions to review", "Also show decided ones"]),
            ("/suggestions/new", ["Suggest a tool", "Send the suggestion", "Professions", "Categories"]),
            ("/suggestions/mine", ["My suggestions"]),
            ("/my-drafts", ["My drafts"]),
            ("/admin/users", ["Users", "Create account"]),
            ("/admin/audit", ["Audit log"]),
        };
        foreach (var (url, expected) in pages)
        {
            await BrowserSteps.GotoInteractiveAsync(page, url);
            await CheckAsync(page, url, expected);
        }
        await page.Context.CloseAsync();
    }

    private static async Task CheckAsync(IPage page, string url, params string[] expected)
    {
        // A page may still be loading its data ("Loading the tool…") after the circuit connects: wait until
        // every expected phrase is there (or 15 s passed), then judge the whole text.
        try
        {
            await page.WaitForFunctionAsync(
                "phrases => phrases.every(p => document.body.innerText.toLowerCase().includes(p))",
                expected.Select(p => p.ToLowerInvariant()).ToArray(), new PageWaitForFunctionOptions { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            // The assertion below names what is missing.
        }
        var text = await page.Locator("body").InnerTextAsync();
        foreach (var phrase in expected)
        {
            // Buttons are drawn upper-case (CSS), which innerText reports.
            Assert.True(text.Contains(phrase, StringComparison.OrdinalIgnoreCase), $"{url}: expected \"{phrase}\" in:\n{text}");
        }
        var left = Swedish.Where(s => ContainsWord(text, s)).ToList();
        Assert.True(left.Count == 0, $"{url}: Swedish UI text left: {string.Join(", ", left)}\n{text}");
    }

    private static bool ContainsWord(string text, string phrase) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, $@"(?<!\w){System.Text.RegularExpressions.Regex.Escape(phrase)}(?!\w)",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase);
}
