using Skriptoteket.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using MudBlazor;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Tools;
using Skriptoteket.Grains.Abstractions.Tools.Examples;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;
using Skriptoteket.Web.Components.Runs;
using Skriptoteket.Web.Runs;
using Skriptoteket.Web.Tools;

namespace Skriptoteket.Web.Components.Studio;

/// <summary>
/// The studio's examples panel. Checks of the open version are read again whenever the tool's examples grain
/// says they changed (they run in the background after a save). "Kör" runs an example against the open version (it
/// becomes the example's check) and shows it in the sandbox panel; the example's latest finished run against
/// the open version, and only that, can become its expected result.
/// </summary>
public sealed partial class ExamplesPanel : IAsyncDisposable
{
    private IReadOnlyList<ToolExample> examples = [];
    private IReadOnlyList<ExampleCheck> checks = [];
    private Guid? checksFor;
    private bool loaded;
    private IAsyncDisposable? watch;
    private Guid watching;
    private bool disposed;
    private bool busy;
    private string newName = "";
    private Guid? renaming;
    private string renameText = "";
    private IReadOnlyList<IBrowserFile> files = [];
    private string? nameProblem;
    private string? addProblem;
    private FilePicker? picker;
    private FieldForm fields = new(ToolInputs.Legacy);
    private List<StepRow> newSteps = [];
    private ToolInputs? fieldsFor;

    [Inject] private ExamplesService Examples { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private IOptions<UploadLimits> Uploads { get; set; } = null!;

    [Parameter, EditorRequired] public Guid ToolId { get; set; }

    /// <summary>The version open in the editor: examples run against it and its checks are shown.</summary>
    [Parameter] public ToolVersionHeader? Version { get; set; }

    /// <summary>The open version's declaration: the add form asks for its fields.</summary>
    [Parameter] public ToolInputs? Inputs { get; set; }

    [Parameter] public bool CanManage { get; set; }

    /// <summary>Shows a started run (the sandbox panel follows it live).</summary>
    [Parameter] public EventCallback<RunInfo> OnRun { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        if (!ReferenceEquals(fieldsFor, Inputs))
        {
            fieldsFor = Inputs;
            fields = new FieldForm(Inputs ?? ToolInputs.Legacy);
        }
        // Also without an open version: the examples belong to the tool (only their checks need a version).
        if (!loaded || checksFor != Version?.Id)
        {
            loaded = true;
            checksFor = Version?.Id;
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        // Watching before reading: a check that finishes in between is not missed.
        if (RendererInfo.IsInteractive && watching != ToolId)
        {
            await (watch?.DisposeAsync() ?? ValueTask.CompletedTask);
            watch = await Examples.WatchChecksAsync(ToolId, _ => InvokeAsync(ReloadAsync));
            watching = ToolId;
            if (disposed)
            {
                await watch.DisposeAsync(); // the panel went away while the watch was being made
            }
        }
        examples = await Examples.ListAsync(ToolId);
        checks = Version is null ? [] : await Examples.ChecksAsync(ToolId, Version.Id);
    }

    private async Task ReloadAsync()
    {
        try
        {
            await LoadAsync();
            StateHasChanged();
        }
        catch (DomainException e)
        {
            Snackbar.Add(ErrorText.For(L, e), Severity.Warning);
        }
    }

    /// <summary>Called by the studio after a save or submit: the new version's checks were queued.</summary>
    public async Task RefreshAsync()
    {
        await LoadAsync();
        StateHasChanged();
    }

    /// <summary>The files the picker took (a refused one is named there and left out).</summary>
    private void FilesChosen(IReadOnlyList<IBrowserFile> taken) => files = taken;

    /// <summary>
    /// Adds the example, or says why not where the admin looks: the name's rule at the name (the grain's own
    /// ExampleRules, checked first), refused field values at their fields, anything else inside the form.
    /// After an add the form is empty again, ready for the next example.
    /// </summary>
    private async Task AddAsync()
    {
        (nameProblem, addProblem) = (null, null);
        fields.Clear();
        try
        {
            ExampleRules.Name(newName);
        }
        catch (DomainException e)
        {
            nameProblem = ErrorText.For(L, e);
            return;
        }
        busy = true;
        try
        {
            var inputs = await BrowserUploads.ReadAsync(files, Uploads.Value.MaxFileBytes);
            // The grain checks the steps (ExampleStepRules) and says which one is wrong; the form keeps them meanwhile.
            var steps = newSteps.Select(r => new ExampleStep(r.Step, r.Values)).ToList();
            await Examples.AddAsync(ToolId, new NewExample(newName, fields.ToJson(), inputs) { Steps = steps });
            ClearAddForm();
            Snackbar.Add(S["Examples.Added"], Severity.Success);
            await LoadAsync();
        }
        catch (DomainException e)
        {
            if (!fields.Show(e))
            {
                addProblem = ErrorText.For(L, e);
            }
        }
        finally
        {
            busy = false;
        }
    }

    private void ClearAddForm()
    {
        newName = "";
        files = [];
        fields = new FieldForm(Inputs ?? ToolInputs.Legacy);
        newSteps = [];
        picker?.Clear();
    }

    /// <summary>One follow-up step in the add form: its name and its values as JSON text.</summary>
    private sealed class StepRow
    {
        public string Step { get; set; } = "";

        public string Values { get; set; } = "";
    }

    private Task RunAsync(ToolExample e) => ActAsync(async () =>
    {
        // The run becomes the example's check against the open version (the grain records it), which the
        // reload after this action shows as pending.
        var run = await Examples.RunInSandboxAsync(ToolId, e.Id, Version!.Id);
        await OnRun.InvokeAsync(run);
    }, null);

    /// <summary>The example's latest run against the open version (its check), if it ended with a result.</summary>
    private Guid? RunToAccept(ToolExample e) =>
        CheckOf(e) is { Status: not (ExampleCheckStatus.Pending or ExampleCheckStatus.Failed) } check ? check.RunId : null;

    private ExampleCheck? CheckOf(ToolExample e) => checks.FirstOrDefault(c => c.ExampleId == e.Id);

    /// <summary>Why "Använd som förväntat resultat" is disabled, or null when it is not.</summary>
    private string? AcceptHint(ToolExample e) => CheckOf(e)?.Status switch
    {
        null => S["Examples.RunFirst"].Value,
        ExampleCheckStatus.Pending => S["Examples.StillRunning"].Value,
        ExampleCheckStatus.Failed => S["Examples.LastRunFailed"].Value,
        _ => null,
    };

    private Task AcceptAsync(ToolExample e)
    {
        if (RunToAccept(e) is not { } run)
        {
            // Nothing to accept yet: the page says why (the button normally carries the same hint).
            Snackbar.Add(AcceptHint(e) ?? S["Examples.RunFirst"].Value, Severity.Warning);
            return Task.CompletedTask;
        }
        return ActAsync(() => Examples.AcceptAsync(ToolId, e.Id, run), S["Examples.Accepted"]);
    }

    private Task RenameAsync(ToolExample e) => ActAsync(async () =>
    {
        await Examples.RenameAsync(ToolId, e.Id, renameText);
        renaming = null;
    }, null);

    private Task DeleteAsync(ToolExample e) => ActAsync(() => Examples.DeleteAsync(ToolId, e.Id), S["Examples.Deleted"]);

    private async Task ActAsync(Func<Task> action, string? done)
    {
        busy = true;
        try
        {
            await action();
            if (done is not null)
            {
                Snackbar.Add(done, Severity.Success);
            }
            await LoadAsync();
        }
        catch (DomainException e)
        {
            Snackbar.Add(ErrorText.For(L, e), Severity.Warning);
        }
        finally
        {
            busy = false;
        }
    }

    public ValueTask DisposeAsync()
    {
        disposed = true;
        return watch?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}
