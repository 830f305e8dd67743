using Microsoft.AspNetCore.Components;
using MudBlazor;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Web.Runs;

namespace Skriptoteket.Web.Components.Runs;

/// <summary>A run that updates itself: subscribes to the run grain and re-renders on each change until finished.</summary>
public sealed partial class LiveRun : IAsyncDisposable
{
    private RunInfo? current;
    private RunSubscription? subscription;
    private Guid watching;

    [Inject] private RunService Runs { get; set; } = null!;

    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    [Parameter, EditorRequired]
    public RunInfo Run { get; set; } = null!;

    [Parameter]
    public bool ShowLogs { get; set; }

    /// <summary>Bring each new run's status into view and focus it once (see <see cref="RunView.FocusWhenShown"/>).</summary>
    [Parameter]
    public bool FocusWhenShown { get; set; }

    /// <summary>Told of each state shown (the first and every change), so the page knows when the run has finished.</summary>
    [Parameter]
    public EventCallback<RunInfo> OnChanged { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        if (watching == Run.RunId)
        {
            return;
        }
        await StopAsync();
        watching = Run.RunId;
        current = Run;
        if (!Run.IsFinished)
        {
            subscription = await Runs.WatchAsync(Run.RunId, changed => InvokeAsync(async () =>
            {
                var next = RunProgress.Newer(current, changed);
                // A notification that is not further along (a repeat after "finished") redraws nothing.
                if (!ReferenceEquals(next, current))
                {
                    current = next;
                    StateHasChanged();
                    await OnChanged.InvokeAsync(next);
                }
            }));
            // A change between the first read and the subscription is not replayed: read once more.
            // A "finished" notification may already have arrived: keep whichever is further along.
            current = RunProgress.Newer(current, await Runs.GetAsync(Run.RunId));
        }
        await OnChanged.InvokeAsync(current);
    }

    private async Task CancelAsync()
    {
        try
        {
            current = RunProgress.Newer(current, await Runs.CancelAsync(Run.RunId));
            await OnChanged.InvokeAsync(current);
        }
        catch (DomainException e)
        {
            Snackbar.Add(Skriptoteket.Web.Localization.ErrorText.For(L, e), Severity.Warning);
        }
    }

    private async Task StopAsync()
    {
        if (subscription is not null)
        {
            await subscription.DisposeAsync();
            subscription = null;
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
