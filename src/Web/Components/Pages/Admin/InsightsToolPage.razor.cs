using System.Globalization;
using Microsoft.AspNetCore.Components;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Insights;
using Skriptoteket.Web.Tools;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;

namespace Skriptoteket.Web.Components.Pages.Admin;

/// <summary>A tool's insights (docs/execution.md, "Insights"): per version, failures and messages, weeks.</summary>
public partial class InsightsToolPage
{
    private ToolInsights? insights;
    private int? problem;

    [Parameter] public Guid Id { get; set; }

    [Inject] private ToolsService Tools { get; set; } = null!;

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            insights = await Tools.GetInsightsAsync(Id);
            problem = null;
        }
        catch (DomainException ex) when (ex.Code is ErrorCode.NotFound or ErrorCode.Forbidden)
        {
            problem = ex.Code == ErrorCode.NotFound ? 404 : 403;
        }
    }

    private string BarWidth(long runs)
    {
        var most = insights!.Weeks.Max(w => w.Runs);
        return most == 0 ? "0" : (100.0 * runs / most).ToString("0.#", CultureInfo.InvariantCulture) + "%";
    }

    private static string Share(double share) => share.ToString("P0", CultureInfo.CurrentCulture);

    private string Duration(double? ms) => Skriptoteket.Web.Runs.RunFormat.Duration(L, ms is { } m ? TimeSpan.FromMilliseconds(m) : null);
}
