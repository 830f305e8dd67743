using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Skriptoteket.TestSupport;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Web.Localization;

namespace Skriptoteket.Unit.Tests;

/// <summary>A refusal from the grains in the person's language: Swedish as written, English from its key or its code.</summary>
public sealed class ErrorTextTests
{
    private static readonly IStringLocalizer Localizer =
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }),
            NullLoggerFactory.Instance).Create(typeof(Strings));

    private static string In(string culture, DomainException error)
    {
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        return ErrorText.For(Localizer, error);
    }

    [Fact]
    public void Swedish_shows_the_grains_own_message()
    {
        var error = DomainException.Invalid("Filen \"a.csv\" är tom.", "Upload.Empty", "a.csv");

        Assert.Equal("Filen \"a.csv\" är tom.", In("sv", error));
    }

    [Fact]
    public void English_uses_the_key_with_its_arguments()
    {
        var tooLarge = Assert.Throws<DomainException>(() => new UploadLimits().Check([("lista.csv", 30L * 1024 * 1024)]));

        Assert.Equal("The file \"lista.csv\" is too large. The largest allowed size is 25 MB per file.", In("en", tooLarge));
        Assert.Equal("You are not allowed to do this.", In("en", DomainException.Forbidden()));
    }

    [Fact]
    public void A_key_without_an_english_text_falls_back_to_a_sentence_for_the_code()
    {
        var error = DomainException.Conflict("Någon har sparat en nyare version. Ladda om.", "No.Such.Text");

        Assert.Equal("Someone else changed this at the same time. Reload and try again.", In("en", error));
    }

    [Fact]
    public void Texts_with_braces_and_arguments_render_in_english()
    {
        Assert.Equal("Send a JSON object: {\"fields\": {name: value}}.", In("en", DomainException.Invalid("x", "Api.FieldsBody")));
        Assert.Equal("Title may be at most 200 characters.", In("en", DomainException.Invalid("x", "Text.TooLong", "Title", "200")));
    }

    /// <summary>
    /// Every refusal the code can throw names a text ("Error.{Key}") that both languages have: the constructors
    /// demand a key, and this finds each key written in src/ and looks it up in Strings.resx and Strings.en.resx.
    /// </summary>
    [Fact]
    public void Every_error_key_in_the_code_has_a_swedish_and_an_english_text()
    {
        var src = Path.Combine(RepositoryPaths.Root, "src");
        var statement = new Regex(@"(?:DomainException\.(?:Invalid|Conflict|Forbidden)\(|new DomainException\(|new\([^;]*ErrorCode\.)[^;]*;",
            RegexOptions.Singleline);
        var keyLiteral = new Regex(@",\s*""([A-Z][A-Za-z]*(?:\.[A-Z][A-Za-z]*)*)""");
        var keys = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/") && !f.Contains("/bin/"))
            .SelectMany(f => statement.Matches(File.ReadAllText(f)))
            .SelectMany(m => keyLiteral.Matches(m.Value).Select(k => k.Groups[1].Value))
            .ToHashSet();
        Assert.True(keys.Count > 50, $"found only {keys.Count} keys: the scan no longer sees the code");
        foreach (var file in new[] { "Strings.resx", "Strings.en.resx" })
        {
            var names = XDocument.Load(Path.Combine(src, "Web", "Resources", "Localization", file))
                .Descendants("data").Select(d => (string)d.Attribute("name")!).ToHashSet();
            var missing = keys.Where(k => !names.Contains($"Error.{k}")).Order().ToList();
            Assert.True(missing.Count == 0, $"{file} lacks: {string.Join(", ", missing.Select(k => "Error." + k))}");
        }
    }
}
