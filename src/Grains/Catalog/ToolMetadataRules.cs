using System.Text.RegularExpressions;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Tools;
using Skriptoteket.Grains.Abstractions.Validation;

namespace Skriptoteket.Grains.Catalog;

/// <summary>Validation of tool metadata against the format rules and the allowlists (pure).</summary>
public static partial class ToolMetadataRules
{
    public const int MaxSlugLength = TextLimits.Slug;

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*\z")]
    private static partial Regex SlugFormat();

    public static bool IsValidSlug(string slug) => slug.Length <= MaxSlugLength && SlugFormat().IsMatch(slug);

    /// <summary>Trims, checks formats and allowlists; returns the normalized metadata or throws VALIDATION.</summary>
    public static ToolMetadata Validate(ToolMetadata metadata, ISet<string> professions, ISet<string> categories)
    {
        if (metadata is null)
        {
            throw DomainException.Invalid("Verktygets uppgifter saknas.", "Tool.Missing");
        }
        var slug = TextRules.Required(metadata.Slug, "Sökvägsnamnet", TextLimits.Slug);
        var title = TextRules.Required(metadata.Title, "Titeln", TextLimits.Title);
        var summary = TextRules.Present(metadata.Summary, "Sammanfattningen", TextLimits.Summary);
        var usage = TextRules.Exact(metadata.UsageMarkdown, "Användningstexten", TextLimits.UsageMarkdown);
        if (!IsValidSlug(slug))
        {
            throw DomainException.Invalid("Sökvägsnamnet får bara innehålla små bokstäver a–z, siffror och bindestreck.", "Tool.Slug");
        }
        var p = TextRules.List(metadata.Professions!, "Yrkesrollerna", TextLimits.TaxonomyChoices, TextLimits.Slug).Distinct().ToList();
        var c = TextRules.List(metadata.Categories!, "Kategorierna", TextLimits.TaxonomyChoices, TextLimits.Slug).Distinct().ToList();
        if (p.Count == 0 || p.Any(x => !professions.Contains(x)))
        {
            throw DomainException.Invalid("Välj minst en yrkesroll från listan.", "Taxonomy.Profession");
        }
        if (c.Count == 0 || c.Any(x => !categories.Contains(x)))
        {
            throw DomainException.Invalid("Välj minst en kategori från listan.", "Taxonomy.Category");
        }
        return new ToolMetadata(slug, title, summary, usage, p, c);
    }
}
