using System.Globalization;
using System.Text;

namespace Skriptoteket.Grains.Abstractions.Tools;

/// <summary>
/// Slug proposals from a title (pure). Shared by the grains (a suggestion accepted as a tool) and the new-tool
/// form, which proposes the slug as the admin types the title.
/// </summary>
public static class SlugProposal
{
    /// <summary>A slug proposal from a title: "Klasslista → Närvaro" becomes "klasslista-narvaro".</summary>
    public static string FromTitle(string title)
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
