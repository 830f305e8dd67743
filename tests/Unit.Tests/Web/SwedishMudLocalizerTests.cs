using System.Globalization;
using Skriptoteket.Web.Localization;

namespace Skriptoteket.Unit.Tests.Web;

/// <summary>MudBlazor's own words (close buttons, the number field's arrows) follow the page's language.</summary>
public sealed class SwedishMudLocalizerTests
{
    [Theory]
    [InlineData("MudDialog_Close", "Stäng")]
    [InlineData("MudInput_Increment", "Öka")]
    [InlineData("MudInput_Decrement", "Minska")]
    public void A_Swedish_page_gets_Swedish(string key, string swedish)
    {
        var text = InCulture("sv-SE", () => new SwedishMudLocalizer()[key]);

        Assert.False(text.ResourceNotFound);
        Assert.Equal(swedish, text.Value);
    }

    [Fact]
    public void An_English_page_and_an_unknown_key_fall_back_to_MudBlazors_English()
    {
        Assert.True(InCulture("en-GB", () => new SwedishMudLocalizer()["MudDialog_Close"]).ResourceNotFound);
        Assert.True(InCulture("sv-SE", () => new SwedishMudLocalizer()["MudSomething_New"]).ResourceNotFound);
    }

    private static T InCulture<T>(string culture, Func<T> read)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
