using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MudBlazor;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;
using Skriptoteket.Web.Components.Runs;
using Skriptoteket.Web.Localization;
using Skriptoteket.Web.Runs;
using Skriptoteket.Web.Tools;

namespace Skriptoteket.Web.Components.Studio;

/// <summary>
/// A sandbox run, live: reuses RunService (start/watch/cancel) and RunView (result, logs, downloads) and adds
/// elapsed seconds, duration, the limits that applied and the snapshot that ran. A run that offers next steps
/// shows them (SandboxPanel.Session.cs).
/// </summary>
public sealed partial class SandboxPanel : IAsyncDisposable
{
    private IReadOnlyList<IBrowserFile> files = [];
    private RunInfo? current;
    private RunSubscription? subscription;
    private Timer? ticker;
    // One click, one run, until it has finished (the run page's guard: RunLaunch).
    private readonly RunLaunch launch = new();
    private string targetLabel = "";
    private bool targetIsVersion;
    private Func<IReadOnlyList<RunInputFile>, string, string, Task<RunInfo>>? target;
    private FieldForm fields = new(ToolInputs.Legacy);
    private ToolInputs? fieldsFor;

    [Inject] private RunService Runs { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private IOptions<UploadLimits> Uploads { get; set; } = null!;
    [Inject] private IStringLocalizer<Strings> Text { get; set; } = null!;

    [Parameter] public bool Enabled { get; set; }
    [Parameter, EditorRequired] public SandboxLimits Limits { get; set; } = null!;
    [Parameter] public IReadOnlyList<RunInfo> Recent { get; set; } = [];
    [Parameter] public IReadOnlyDictionary<Guid, int> VersionNumbers { get; set; } = new Dictionary<Guid, int>();

    /// <summary>The saved declaration of the editor's version: its fields are filled in here (the run grain checks them).</summary>
    [Parameter] public ToolInputs? Inputs { get; set; }

    /// <summary>The editor's version: its declared settings are the author's own test settings (st.settings of sandbox runs).</summary>
    [Parameter] public Guid? VersionId { get; set; }

    /// <summary>Runs the editor's current text (the default target) with the files, the fields' JSON and the start's key (RunStartKey).</summary>
    [Parameter, EditorRequired] public Func<IReadOnlyList<RunInputFile>, string, string, Task<RunInfo>> RunEditor { get; set; } = null!;

    /// <summary>Told when a run was started or finished, so the page can refresh the recent runs.</summary>
    [Parameter] public EventCallback OnRunsChanged { get; set; }

    private ToolInputs Declared => Inputs ?? ToolInputs.Legacy;

    /// <summary>The run page's rule and reason: a version that reads a file is not run without it (RunInputRules).</summary>
    private string? MissingFiles => FilePicker.MissingFiles(Text, Declared.Files, files.Count);

    private bool CanRun => Enabled && !launch.Busy && MissingFiles is null;

    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(fieldsFor, Inputs))
        {
            fieldsFor = Inputs;
            fields = new FieldForm(Inputs ?? ToolInputs.Legacy);
        }
        if (!targetIsVersion)
        {
            targetLabel = S["Sandbox.EditorText"];
        }
    }

    /// <summary>Makes the next Run use a stored version instead of the editor's text.</summary>
    public void UseVersion(int number, Func<IReadOnlyList<RunInputFile>, string, string, Task<RunInfo>> start)
    {
        target = start;
        targetIsVersion = true;
        targetLabel = S["Sandbox.VersionTarget", number];
        StateHasChanged();
    }

    private void ResetTarget()
    {
        target = null;
        targetIsVersion = false;
        targetLabel = S["Sandbox.EditorText"];
    }

    /// <summary>The files the picker took (a refused one is named there and left out).</summary>
    private void FilesChosen(IReadOnlyList<IBrowserFile> taken) => files = taken;

    private async Task RunAsync(MouseEventArgs click)
    {
        if (!CanRun)
        {
            return;
        }
        try
        {
            var run = await launch.StartAsync(click, async key =>
            {
                var inputs = await BrowserUploads.ReadAsync(files, Uploads.Value.MaxFileBytes);
                fields.Clear();
                return await (target ?? RunEditor)(inputs, fields.ToJson(), key);
            });
            if (run is not null)
            {
                await ShowAsync(run);
                await PlaceInSessionAsync(run);
                await OnRunsChanged.InvokeAsync();
            }
        }
        catch (DomainException e)
        {
            // Refused field values show at their fields as well.
            fields.Show(e);
            Snackbar.Add(ErrorText.For(Text, e), Severity.Warning);
        }
    }

    private async Task ReopenAsync(Guid runId)
    {
        try
        {
            var run = await Runs.GetAsync(runId);
            await ShowAsync(run);
            await PlaceInSessionAsync(run);
        }
        catch (DomainException e)
        {
            Snackbar.Add(ErrorText.For(Text, e), Severity.Warning);
        }
    }

    /// <summary>Follows a run started elsewhere (an example run from the examples panel).</summary>
    public async Task ShowRunAsync(RunInfo run)
    {
        await ShowAsync(run);
        await PlaceInSessionAsync(run);
        StateHasChanged();
    }

    private async Task ShowAsync(RunInfo run)
    {
        await StopAsync();
        current = run;
        launch.Saw(run);
        if (run.IsFinished)
        {
            return;
        }
        subscription = await Runs.WatchAsync(run.RunId, changed => InvokeAsync(async () =>
        {
            var wasFinished = current?.IsFinished == true;
            current = RunProgress.Newer(current, changed);
            launch.Saw(current);
            StateHasChanged();
            if (!wasFinished && current.IsFinished)
            {
                await OnRunsChanged.InvokeAsync();
            }
        }));
        current = RunProgress.Newer(current, await Runs.GetAsync(run.RunId));
        launch.Saw(current);
        // Elapsed seconds move on their own while queued or running.
        ticker = new Timer(_ => InvokeAsync(() =>
        {
            if (current?.IsFinished == false)
            {
                StateHasChanged();
            }
        }), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    private async Task CancelAsync()
    {
        if (current is null)
        {
            return;
        }
        try
        {
            current = RunProgress.Newer(current, await Runs.CancelAsync(current.RunId));
            launch.Saw(current);
        }
        catch (DomainException e)
        {
            Snackbar.Add(ErrorText.For(Text, e), Severity.Warning);
        }
    }

    private string Facts(RunInfo run)
    {
        var what = run.FromEditor ? S["Sandbox.FromEditor"] : S["Sandbox.FromVersion", VersionNumber(run.VersionId)];
        return run switch
        {
            { Status: RunStatus.Queued } => S["Sandbox.Queued", what, run.QueuePosition ?? 1],
            { Status: RunStatus.Running, StartedAt: { } started } => S["Sandbox.Running", what, Seconds(DateTimeOffset.UtcNow - started)],
            { FinishedAt: { } finished } => S["Sandbox.Finished", what, Seconds(finished - (run.StartedAt ?? run.CreatedAt))],
            _ => what,
        };
    }

    /// <summary>Which texts were cut at their cap: "HTML, stdout" etc.</summary>
    private string TruncatedText(RunOutput output) => S["Sandbox.Truncated", string.Join(", ",
        new[] { (output.HtmlTruncated, "HTML"), (output.StdoutTruncated, "stdout"), (output.StderrTruncated, "stderr") }
            .Where(t => t.Item1).Select(t => t.Item2))];

    private string VersionNumber(Guid versionId) => VersionNumbers.TryGetValue(versionId, out var n) ? $"v{n}" : "?";

    private static string Seconds(TimeSpan span) => Math.Max(0, span.TotalSeconds).ToString("0.0");

    private async Task StopAsync()
    {
        if (ticker is not null)
        {
            await ticker.DisposeAsync();
            ticker = null;
        }
        if (subscription is not null)
        {
            await subscription.DisposeAsync();
            subscription = null;
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
