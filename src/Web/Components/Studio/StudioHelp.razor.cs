using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
using MudBlazor;
using Skriptoteket.Web.Localization;

namespace Skriptoteket.Web.Components.Studio;

/// <summary>
/// The studio's help for script authors (StudioHelpStrings): the run contract, the helper module's names
/// (<see cref="Tools.HelperModule"/>), field kinds, output blocks and examples to copy or insert. Opened by its
/// button or Alt+Shift+H from anywhere on the page; Esc or the close button closes it and focus returns to the button.
/// </summary>
public sealed partial class StudioHelp : IAsyncDisposable
{
    public const string ButtonId = "studio-help-button";
    public const string PanelId = "studio-help";

    private static readonly int[] ContractLines = [1, 2, 3, 4, 5];

    /// <summary>The output block kinds (runner-image/lib/skriptoteket/_blocks.py KINDS).</summary>
    private static readonly string[] Blocks = ["notice", "markdown", "table", "image", "html"];

    private static readonly string[] Examples = ["Field", "Files", "Table", "Error", "Image"];

    private bool open;
    private bool focusPending;
    private IJSObjectReference? module;
    private DotNetObjectReference<StudioHelp>? self;

    [Inject] private IStringLocalizer<StudioHelpStrings> H { get; set; } = null!;
    [Inject] private IJSRuntime JS { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    /// <summary>Told when the panel opens or closes (the page makes room for it).</summary>
    [Parameter] public EventCallback<bool> OpenChanged { get; set; }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            // The same module instance as the page's (one URL), so it finds the page's editor.
            module = await JS.InvokeAsync<IJSObjectReference>("import", "./_content/Skriptoteket.Web/studio.js");
            self = DotNetObjectReference.Create(this);
            if (module is not null)
            {
                await module.InvokeVoidAsync("bindHelpKey", self);
            }
        }
        if (focusPending && module is not null)
        {
            focusPending = false;
            await module.InvokeVoidAsync("focusById", open ? "studio-help-title" : ButtonId);
        }
    }

    [JSInvokable]
    public Task ToggleFromKeyboard() => InvokeAsync(async () =>
    {
        await ToggleAsync();
        StateHasChanged();
    });

    private Task ToggleAsync() => SetOpenAsync(!open);

    private Task CloseAsync() => SetOpenAsync(false);

    private async Task SetOpenAsync(bool value)
    {
        open = value;
        focusPending = true;
        await OpenChanged.InvokeAsync(open);
    }

    private async Task KeyDownAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Escape")
        {
            await CloseAsync();
        }
    }

    private async Task CopyAsync(string code)
    {
        var copied = module is not null && await module.InvokeAsync<bool>("copyText", code);
        Snackbar.Add(copied ? H["Help.Copied"] : H["Help.CopyFailed"], copied ? Severity.Success : Severity.Warning);
    }

    private async Task InsertAsync(string code)
    {
        var inserted = module is not null && await module.InvokeAsync<bool>("insertText", EditorPanel.EditorId, code);
        Snackbar.Add(inserted ? H["Help.Inserted"] : H["Help.NoEditor"], inserted ? Severity.Success : Severity.Warning);
    }

    public async ValueTask DisposeAsync()
    {
        if (module is not null)
        {
            try
            {
                await module.InvokeVoidAsync("unbindHelpKey");
                await module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone with the page; the listener went with it.
            }
        }
        self?.Dispose();
    }
}
