namespace Skriptoteket.Grains.Abstractions.Validation;

/// <summary>
/// The documented maximum length (characters) of every text field a person can send; docs/tools.md and
/// docs/identity.md list the same numbers. The grains check them (TextRules) and every form field reads the same
/// constant (MaxLength, with a counter where the text is long), so the page shows the limit the grain enforces.
/// </summary>
public static class TextLimits
{
    public const int Slug = 80;
    public const int Title = 200;
    public const int Summary = 1_000;
    public const int UsageMarkdown = 50_000;
    public const int SuggestionDescription = 10_000;
    public const int Source = 1_000_000;
    public const int Entrypoint = 100;
    public const int ChangeSummary = 1_000;
    public const int ReviewNote = 4_000;
    public const int Rationale = 4_000;
    public const int DecisionNote = 4_000;
    public const int Email = 320;
    public const int DisplayName = 200;
    public const int Password = 1_024;

    /// <summary>The shortest password accepted (PasswordRules); forms say it in their hint.</summary>
    public const int PasswordMinimum = 12;
    public const int SearchQuery = 200;
    public const int RoleName = 40;

    /// <summary>Professions or categories on one tool or suggestion.</summary>
    public const int TaxonomyChoices = 50;

    /// <summary>Paging: the highest page number and page size any list accepts.</summary>
    public const int MaxPage = 100_000;
    public const int MaxPageSize = 200;
}
