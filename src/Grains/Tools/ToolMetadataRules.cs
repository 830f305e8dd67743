using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Tools;

namespace Skriptoteket.Grains.Tools;

/// <summary>Validation of tool metadata against the format rules and the allowlists (pure).</summary>
public static partial class ToolMetadataRules
{
    public const int MaxSlugLength = 80;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugFormat();

    public static bool IsValidSlug(string slug) => slug.Length <= MaxSlugLength && SlugFormat().IsMatch(slug);

    /// <summary>Trims, checks formats and allowlists; returns the normalized metadata or throws VALIDATION.</summary>
    public static ToolMetadata Validate(ToolMetadata metadata, ISet<string> professions, ISet<string> categories)
    {
        var slug = metadata.Slug.Trim();
        var title = metadata.Title.Trim();
        if (!IsValidSlug(slug))
        {
            throw DomainException.Invalid("Sökvägsnamnet får bara innehålla små bokstäver a–z, siffror och bindestreck.", "Tool.Slug");
        }
        if (title.Length is 0 or > 200)
        {
            throw DomainException.Invalid("Titeln måste ha 1–200 tecken.", "Title.Length");
        }
        var p = metadata.Professions.Distinct().ToList();
        var c = metadata.Categories.Distinct().ToList();
        if (p.Count == 0 || p.Any(x => !professions.Contains(x)))
        {
            throw DomainException.Invalid("Välj minst en yrkesroll från listan.", "Taxonomy.Profession");
        }
        if (c.Count == 0 || c.Any(x => !categories.Contains(x)))
        {
            throw DomainException.Invalid("Välj minst en kategori från listan.", "Taxonomy.Category");
        }
        return new ToolMetadata(slug, title, metadata.Summary.Trim(), metadata.UsageMarkdown, p, c);
    }

    /// <summary>A slug proposal from a title: "Klasslista → Närvaro" becomes "klasslista-narvaro".</summary>
    public static string SlugFrom(string title)
    {
        var decomposed = title.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var text = new StringBuilder();
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            text.Append(ch is >= 'a' and <= 'z' or >= '0' and <= '9' ? ch : '-');
        }
        var slug = string.Join('-', text.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        slug = slug.Length > 60 ? slug[..60].TrimEnd('-') : slug;
        return slug.Length == 0 ? "verktyg" : slug;
    }
}
