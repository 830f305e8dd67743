using System.Globalization;
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
    public void English_without_a_key_falls_back_to_a_sentence_for_the_code()
    {
        var error = DomainException.Conflict("Någon har sparat en nyare version. Ladda om.");

        Assert.Equal("Someone else changed this at the same time. Reload and try again.", In("en", error));
    }
}
