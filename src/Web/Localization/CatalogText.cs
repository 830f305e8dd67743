using System.Globalization;
using Skriptoteket.Grains.Abstractions.Catalog;

namespace Skriptoteket.Web.Localization;

/// <summary>
/// Profession and category names in the page's language: the catalog keeps a Swedish label (the default) and
/// an English one (professions.label_en, categories.label_en); without an English one the Swedish is shown.
/// </summary>
public static class CatalogText
{
    public static string Shown(this CatalogLabel label) => Pick(label.Label, label.LabelEn);

    public static string Shown(this ProfessionCatalog profession) => Pick(profession.Label, profession.LabelEn);

    public static string Shown(this CategoryTools category) => Pick(category.Label, category.LabelEn);

    private static string Pick(string swedish, string? english) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" && !string.IsNullOrWhiteSpace(english) ? english : swedish;
}
