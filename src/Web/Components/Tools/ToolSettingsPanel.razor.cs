using Microsoft.AspNetCore.Components;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Sessions;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;
using Skriptoteket.Web.Localization;
using Skriptoteket.Web.Runs;
using Skriptoteket.Web.Identity;
using Skriptoteket.Web.Security;
using Skriptoteket.Web.Tools;

namespace Skriptoteket.Web.Components.Tools;

/// <summary>
/// A person's settings for a tool, as the run form's fields (FieldInputs, FieldForm): the published tool's by
/// <see cref="Slug"/>, or the author's sandbox settings for <see cref="SandboxVersionId"/>. Read once the circuit is
/// live, not while prerendering: the grain names dropped values only once, and the teacher must see that once.
/// Saving is one request at a time (a double click saves once); a refusal shows under its field and keeps the input.
/// </summary>
public sealed partial class ToolSettingsPanel
{
    private FieldForm? form;
    private IReadOnlyList<string> dropped = [];
    private string? loadedFor;
    private bool interactive;
    private bool saving;
    private string? status;
    private string? loadFailure;
    private string? saveFailure;

    [Inject] private ToolSettingsService Settings { get; set; } = null!;

    [Inject] private CurrentUser CurrentUser { get; set; } = null!;

    /// <summary>The published tool whose production settings are shown.</summary>
    [Parameter] public string? Slug { get; set; }

    /// <summary>The version whose sandbox settings (the author's own, for test runs) are shown instead.</summary>
    [Parameter] public Guid? SandboxVersionId { get; set; }

    private bool Sandbox => SandboxVersionId is not null;

    private string Key => Sandbox ? $"s/{SandboxVersionId}" : $"p/{Slug}";

    protected override async Task OnParametersSetAsync()
    {
        if (interactive && loadedFor != Key)
        {
            await LoadAsync();
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            interactive = true;
            await LoadAsync();
            StateHasChanged();
        }
    }

    private async Task LoadAsync()
    {
        loadedFor = Key;
        (form, status, loadFailure, saveFailure, dropped) = (null, null, null, null, []);
        try
        {
            var user = await CurrentUser.GetAsync();
            var info = Sandbox ? await Settings.GetSandboxAsync(user, SandboxVersionId!.Value) : await Settings.GetAsync(user, Slug ?? "");
            Show(info);
            dropped = info.Dropped;
        }
        catch (DomainException e)
        {
            loadFailure = ErrorText.For(L, e);
        }
    }

    private async Task SaveAsync()
    {
        if (saving || form is null)
        {
            return;
        }
        saving = true;
        (status, saveFailure) = (null, null);
        try
        {
            form.Clear();
            if (!form.Check())
            {
                return;
            }
            var user = await CurrentUser.GetAsync();
            var values = form.ToJson();
            var saved = Sandbox ? await Settings.SaveSandboxAsync(user, SandboxVersionId!.Value, values) : await Settings.SaveAsync(user, Slug ?? "", values);
            Show(saved);
            // The teacher has looked at the settings and saved them: the note about dropped ones has done its work.
            dropped = [];
            status = L["Settings.Saved"];
        }
        catch (DomainException e)
        {
            // Refused values are shown under their fields, and what was typed stays.
            saveFailure = form.Show(e) ? null : ErrorText.For(L, e);
        }
        finally
        {
            saving = false;
        }
    }

    private void Show(ToolSettingsInfo info) =>
        form = new FieldForm(new ToolInputs(info.Declaration, new FileInputs(0, 0)), info.ValuesJson);
}
