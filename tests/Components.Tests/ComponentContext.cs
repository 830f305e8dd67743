using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Skriptoteket.Components.Tests;

/// <summary>
/// A bUnit context with what the components need in the host: MudBlazor, the app's resources and loose JS
/// interop. MudBlazor's services are only async-disposable, so the context is disposed asynchronously.
/// </summary>
public abstract class ComponentContext : IAsyncLifetime
{
    protected ComponentContext()
    {
        Context.Services.AddMudServices();
        Context.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    protected BunitContext Context { get; } = new();

    /// <summary>The language the components render in (the host sets it per request; here per test).</summary>
    protected static void Speak(string culture) =>
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(culture);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Context.DisposeAsync();
}
