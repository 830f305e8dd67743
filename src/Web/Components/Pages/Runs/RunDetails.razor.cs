using Microsoft.AspNetCore.Components;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;
using Skriptoteket.Web.Runs;
using Skriptoteket.Web.Identity;
using Skriptoteket.Web.Security;

namespace Skriptoteket.Web.Components.Pages.Runs;

/// <summary>
/// Reopens a run: own runs for everyone, any run for admins (with logs); otherwise "not found". Shows what the run
/// was given (the example, the files' names, the field values by their labels), a way back to the tool and, for a
/// run of the published tool, "Kör igen med samma värden" (the run page with the values filled in).
/// </summary>
public sealed partial class RunDetails
{
    private RunInfo? run;
    private RunRow? row;
    private bool notFound;
    private bool showLogs;
    private IReadOnlyList<(string Name, string Label, string Value)> fieldValues = [];

    [Inject] private RunService Runs { get; set; } = null!;

    [Inject] private CurrentUser CurrentUser { get; set; } = null!;

    [Parameter]
    public Guid RunId { get; set; }

    /// <summary>Teachers' runs lead to the tool's page; a test run (sandbox) back to the studio it came from.</summary>
    private string? ToolLink => row?.ToolSlug is not { } slug || run is null ? null
        : run.Kind == RunKind.Production ? $"/tools/{slug}" : $"/admin/tools/{run.ToolId}/studio";

    private string? RunAgainLink => row?.ToolSlug is { } slug && run?.Kind == RunKind.Production
        ? $"/tools/{slug}/run?{ToolRun.FromRunQuery}={run.RunId}"
        : null;

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            run = await Runs.GetAsync(RunId);
            row = await Runs.DescribeAsync(RunId);
            var user = await CurrentUser.GetAsync();
            showLogs = user.IsAtLeast(Role.Admin) || run.Kind.RunsAsSandbox();
            fieldValues = run.FieldValuesJson is { } values && row is not null
                ? RunFieldText.Describe(ToolInputsJson.ReadStored(row.VersionInputsJson), values, L)
                : [];
        }
        catch (DomainException e) when (e.Code == Skriptoteket.Grains.Abstractions.Errors.ErrorCode.NotFound)
        {
            notFound = true;
        }
    }
}
