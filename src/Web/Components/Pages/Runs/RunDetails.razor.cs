using Microsoft.AspNetCore.Components;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Web.Runs;
using Skriptoteket.Web.Security;

namespace Skriptoteket.Web.Components.Pages.Runs;

/// <summary>Reopens a run: own runs for everyone, any run for admins (with logs); otherwise "not found".</summary>
public sealed partial class RunDetails
{
    private RunInfo? run;
    private RunRow? row;
    private bool notFound;
    private bool showLogs;

    [Inject] private RunService Runs { get; set; } = null!;

    [Inject] private CurrentUser CurrentUser { get; set; } = null!;

    [Parameter]
    public Guid RunId { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            run = await Runs.GetAsync(RunId);
            row = await Runs.DescribeAsync(RunId);
            var user = await CurrentUser.GetAsync();
            showLogs = user.IsAtLeast(Role.Admin) || run.Kind.RunsAsSandbox();
        }
        catch (DomainException e) when (e.Code == Skriptoteket.Grains.Abstractions.Errors.ErrorCode.NotFound)
        {
            notFound = true;
        }
    }
}
