using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Tools;

namespace Skriptoteket.Studio.Tests;

/// <summary>A bUnit context with MudBlazor, the app's localization (Swedish unless told) and loose JS interop (Monaco).</summary>
public abstract class StudioTestContext : IAsyncLifetime
{
    private readonly CultureInfo previous = CultureInfo.CurrentUICulture;

    protected BunitContext Context { get; } = new();

    protected StudioTestContext(string culture = "sv")
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        Context.Services.AddMudServices();
        Context.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        CultureInfo.CurrentUICulture = previous;
        await Context.DisposeAsync();
    }

    protected static readonly Guid Author = Guid.NewGuid();

    protected static ActingUser As(Role role, Guid? id = null) => new(id ?? Guid.NewGuid(), role);

    protected static ToolVersionHeader Version(int number, VersionState state, bool head = false, Guid? createdBy = null,
        Guid? derivedFrom = null, bool published = false, bool reviewed = false) =>
        new(Guid.NewGuid(), Guid.NewGuid(), number, state, derivedFrom, "run_tool", "hash", $"Ändring {number}", null,
            createdBy ?? Author, DateTimeOffset.UtcNow, reviewed ? Guid.NewGuid() : null, reviewed ? DateTimeOffset.UtcNow : null,
            published ? Guid.NewGuid() : null, published ? DateTimeOffset.UtcNow : null, head);
}
