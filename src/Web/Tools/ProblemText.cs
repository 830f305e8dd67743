using Microsoft.Extensions.Localization;
using Skriptoteket.Grains.Abstractions.Tools;
using Skriptoteket.Web.Localization;

namespace Skriptoteket.Web.Tools;

/// <summary>A script problem as a sentence in the page's language (markers and the list under the editor).</summary>
public static class ProblemText
{
    public static string Describe(IStringLocalizer<StudioStrings> s, ScriptProblem p) => p.Code switch
    {
        ScriptProblem.Syntax => s["Problem.Syntax", p.Line, p.Detail],
        ScriptProblem.EntrypointMissing => s["Problem.EntrypointMissing", p.Detail],
        ScriptProblem.EntrypointShape => s["Problem.EntrypointShape", p.Line, p.Detail],
        _ => s["Problem.Other", p.Line, p.Detail],
    };
}
