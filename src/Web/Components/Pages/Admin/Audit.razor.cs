using Microsoft.AspNetCore.Components;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Web.Identity;

namespace Skriptoteket.Web.Components.Pages.Admin;

public partial class Audit
{
    private const int PageSize = 50;

    private static readonly IReadOnlyList<string> KnownActions = AuditText.Actions;

    [Inject] private UserAdminService Admin { get; set; } = default!;

    private AuditPage? Result { get; set; }
    private IReadOnlyDictionary<Guid, AuditName> Names => Result?.Names ?? new Dictionary<Guid, AuditName>();
    private string? Action { get; set; }
    private string? Actor { get; set; }
    private DateTime? From { get; set; }
    private DateTime? To { get; set; }
    private int Page { get; set; } = 1;
    private int PageCount => Result is null ? 1 : (int)Math.Max(1, (Result.Total + PageSize - 1) / PageSize);

    protected override Task OnInitializedAsync() => LoadAsync(1);

    private async Task LoadAsync(int page)
    {
        Page = page;
        // The "to" date includes its whole day.
        var filter = new AuditFilter(Action, Actor, Local(From), Local(To?.AddDays(1)), page, PageSize);
        Result = await Admin.SearchAuditAsync(filter);
    }

    private static DateTimeOffset? Local(DateTime? date) =>
        date is { } d ? new DateTimeOffset(DateTime.SpecifyKind(d.Date, DateTimeKind.Local)) : null;
}
