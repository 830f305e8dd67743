using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Web.Runs;

/// <summary>
/// What a teacher reads about a failed run, in the page's language. A run keeps the Swedish summary it was given
/// (the API and the run list show it); the platform's own sentences (the generic failure with its reference,
/// the runner's time and memory limits) are recognised here and said from the resources. The author's own
/// words (ToolUserError) stay exactly as written.
/// </summary>
public static partial class RunFailureText
{
    public static string For(IStringLocalizer localizer, RunInfo run, string summary)
    {
        if (summary == RunReference.UnexpectedFailure(run.RunId))
        {
            return localizer["RunView.UnexpectedFailure", RunReference.Of(run.RunId)];
        }
        if (TimeLimit().Match(summary) is { Success: true } time)
        {
            return localizer["RunView.TimeLimit", time.Groups[1].Value];
        }
        return summary is PlatformFailureText.OutOfMemory or PlatformFailureText.MemoryError ? localizer["RunView.MemoryLimit"] : summary;
    }

    [GeneratedRegex(@"^Tidsgränsen överskreds \(([0-9.,]+) s\)\.$")]
    private static partial Regex TimeLimit();
}
