using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Playwright;
using Skriptoteket.TestSupport;

namespace Skriptoteket.EndToEnd.Tests.Teacher;

/// <summary>Switching to English changes every main page: English headings and labels, no Swedish UI text left.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class EnglishWalkTests(BrowserFixture fixture) : IAsyncLifetime
{
    // Every Swedish UI text: the values of Strings.resx that differ from their English value (their literal parts
    // around the placeholders). Tool titles, summaries and field labels are data, not UI, and may stay Swedish.
    private static readonly IReadOnlyList<string> Swedish = SwedishTexts();

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>
    /// The language chosen while signed in is saved on the account, and the superuser's account is shared by the whole
    /// suite: put Swedish back after each test, passed or not, so no later test starts in English.
    /// </summary>
    public async Task DisposeAsync()
    {
        using var api = await new Tools.WalkWorld(fixture).SuperuserAsync();
        var (status, body) = await api.TryAsync(HttpMethod.Put, "api/v1/me", new { language = "sv" });
        Assert.True(status == System.Net.HttpStatusCode.OK, $"PUT me (language sv): {(int)status} {body}");
    }

    // People's own text, which stays as they wrote it: the pages mark tool titles and summaries in lists with
    // data-authored (titles on other tools, written by other tests, are Swedish words like "Verktyg" or "Exempel").
    private const string DataSelector =
        "[data-authored], [data-testid=signed-in-user], [data-testid=tool-summary], .usage, [data-testid=run-downloads] a, .run-file-list li";

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
        await BrowserSteps.GotoInteractiveAsync(page, $"/tools/{slug}");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Favourite: {title}" }).ClickAsync();
        await CheckAsync(page, $"/tools/{slug} (starred)", "Added to favourites");

        var toolId = await fixture.Database.ScalarAsync<Guid>($"SELECT id FROM tools WHERE slug = '{slug}'");
        var pages = new (string Url, string[] Expected)[]
        {
            ("/", ["Welcome to Skriptoteket", "My favourites", "Recently used", "Choose your profession", "Search tools", "My runs", "Log out"]),
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
            ("/admin/insights", ["Insights", "Sort by", "Most runs", "Failure rate"]),
            ($"/admin/tools/{toolId}/insights", ["Per version", "Median time", "All versions", "Per week, the last 12 weeks"]),
        };
        foreach (var (url, expected) in pages)
        {
            await BrowserSteps.GotoInteractiveAsync(page, url);
            await CheckAsync(page, url, expected);
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Refusals_failures_bounds_and_catalog_names_are_english_too()
    {
        var fieldsTool = await FieldsTool.PublishAsync(fixture.Database);
        var csvOnly = await FieldsTool.PublishAsync(fixture.Database, inputs: FieldsTool.OneCsv);
        var (failing, _) = await TeacherTool.PublishAsync(fixture.Database, "def run_tool(input_path, output_dir):\n    raise ValueError('hemligt')\n");
        var page = await BrowserSteps.LoginAsSuperuserAsync(fixture, new() { Locale = "en-GB" });
        await BrowserSteps.GotoInteractiveAsync(page, "/");
        await page.Locator("[data-culture=en]").ClickAsync();
        await page.WaitForFunctionAsync("() => document.documentElement.lang === 'en'");
        await BrowserSteps.WaitInteractiveAsync(page);

        await CheckAsync(page, "/", "Teacher", "Special needs teacher");
        await BrowserSteps.GotoInteractiveAsync(page, "/professions/larare");
        await CheckAsync(page, "/professions/larare", "Teacher", "Lesson planning", "Mentoring", "Other");
        await BrowserSteps.GotoInteractiveAsync(page, "/suggestions/new");
        await CheckAsync(page, "/suggestions/new", "Principal", "Lesson planning");

        // The run form's bounds and each kind of refusal: required, a decimal in a whole number, above the maximum.
        await BrowserSteps.GotoInteractiveAsync(page, $"/tools/{fieldsTool}/run");
        var antal = page.Locator("#field-input-antal");
        await CheckAsync(page, "run form", "Between 0 and 100.");
        foreach (var (typed, message) in new[]
                 {
                     ("", "Antal elever: enter a value."), ("1,5", "Antal elever: must be a whole number, without decimals."),
                     ("500", "Antal elever: at most 100."),
                 })
        {
            await antal.FillAsync(typed);
            await page.GetByTestId("run-button").ClickAsync();
            await Assertions.Expect(page.GetByTestId("field-antal")).ToContainTextAsync(message);
            await CheckAsync(page, $"run form with \"{typed}\"", message, "Some fields need correcting");
        }
        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveCountAsync(0);

        // A file of a type the tool does not take names the file and the types.
        await BrowserSteps.GotoInteractiveAsync(page, $"/tools/{csvOnly}/run");
        await BrowserSteps.WaitForFileInputAsync(page);
        await page.GetByTestId("run-files").SetInputFilesAsync(new FilePayload { Name = "notes.txt", MimeType = "text/plain", Buffer = "hej"u8.ToArray() });
        await CheckAsync(page, "wrong file type", "This tool only takes files of type csv; \"notes.txt\" does not fit.");

        // A script that fails unexpectedly: the generic message with its reference.
        await BrowserSteps.RunWithCsvAsync(page, failing);
        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveTextAsync("Failed");
        await CheckAsync(page, "failed run", "The tool ran into an unexpected error. Give the reference");
        await page.Context.CloseAsync();
    }

    /// <summary>Values of Strings.resx whose English differs, split at placeholders; parts of three letters or more.</summary>
    private static List<string> SwedishTexts()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "src", "Web", "Resources", "Localization");
        var swedish = Read(Path.Combine(folder, "Strings.resx"));
        var english = Read(Path.Combine(folder, "Strings.en.resx"));
        return [.. swedish.Where(e => english.GetValueOrDefault(e.Key) is { } en && en != e.Value)
            .SelectMany(e => Placeholder().Split(e.Value).Select(part => part.Trim(' ', '.', ',', ':', ';', '(', ')', '"', '–', '-', '/', '·'))
                .Where(part => part.Count(char.IsLetter) >= 3 && !english[e.Key].Contains(part, StringComparison.OrdinalIgnoreCase)))
            .Distinct()];

        static Dictionary<string, string> Read(string path) => XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");
    }

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();

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
        // What people wrote is data and may be Swedish: the signed-in name, a tool's summary and instructions,
        // file names. The rest of the page is UI.
        var ui = await page.EvaluateAsync<string>(
            "selector => [...document.querySelectorAll(selector)].reduce((t, e) => t.split(e.innerText).join(' '), document.body.innerText)",
            DataSelector);
        var left = Swedish.Where(s => ContainsWord(ui, s)).ToList();
        Assert.True(left.Count == 0, $"{url}: Swedish UI text left: {string.Join(", ", left)}\n{text}");
    }

    private static bool ContainsWord(string text, string phrase) =>
        Regex.IsMatch(text, $@"(?<!\w){Regex.Escape(phrase)}(?!\w)", RegexOptions.IgnoreCase);
}
