using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MudBlazor.Services;
using Skriptoteket.Web.Api;
using Skriptoteket.Web.Components;
using Skriptoteket.Web.Tools;
using Skriptoteket.Web.Identity;
using Skriptoteket.Web.Security;

namespace Skriptoteket.Web;

/// <summary>Registers and maps the Blazor Server front end; the host calls these two methods.</summary>
public static class WebComposition
{
    public static IServiceCollection AddSkriptoteketWeb(this IServiceCollection services)
    {
        // The studio sends a whole script (up to 1 000 000 characters) over the circuit; the default is 32 KB.
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(o => o.MaximumReceiveMessageSize = 4 * 1024 * 1024);
        // Messages at the bottom centre: at the top right (MudBlazor's default) they covered "Logga ut" in the app
        // bar, and the menu is on the left.
        services.AddMudServices(c => c.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomCenter);
        services.AddTransient<MudBlazor.MudLocalizer, Localization.SwedishMudLocalizer>();
        services.AddScoped<Identity.CurrentUser>();
        services.AddSkriptoteketReverseProxy();
        services.AddOpenApi(o => o.AddDocumentTransformer<Api.ApiDocumentTransformer>().AddSchemaTransformer<Api.RequiredFieldsSchemaTransformer>());
        // The API's error contract reports unreadable bodies itself (ApiErrorMiddleware), in every environment.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddToolsWeb();
        services.AddSkriptoteketIdentity();
        services.AddScoped<Runs.RunService>();
        services.AddScoped<Runs.SessionService>();
        services.AddSingleton<Runs.RunStarter>();
        return services;
    }

    public static WebApplication UseSkriptoteketWeb(this WebApplication app)
    {
        // The caller's language first, so that every answer speaks it: also what the API's error contract writes
        // before routing (an over-long URL) or after the endpoint (no route, wrong method).
        app.UseRequestLocalization();
        app.UseMiddleware<ApiErrorMiddleware>();
        // Before authorization, so that a page's 403 becomes the styled "Åtkomst nekad" page.
        app.UseSkriptoteketErrorPages();
        app.UseStaticFiles();
        app.UseSkriptoteketIdentity();
        app.UseAntiforgery();
        app.MapStaticAssets().AnswerNotFoundWhenMissing(app.Environment,
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MissingStaticAssets)));
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapSkriptoteketApi();
        app.MapOpenApi();
        app.MapSkriptoteketAccountEndpoints();
        return app;
    }
}
