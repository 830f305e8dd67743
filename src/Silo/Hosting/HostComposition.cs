using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;
using Skriptoteket.Grains.Hosting;
using Skriptoteket.Silo.Bootstrap;
using Skriptoteket.Silo.Health;
using Skriptoteket.Silo.Migrations;
using Skriptoteket.Silo.Observability;
using Skriptoteket.Web;
using Skriptoteket.Web.Security;
using Skriptoteket.Web.Security.Headers;

namespace Skriptoteket.Silo.Hosting;

/// <summary>The all-in-one host: schema migrations, a silo, the Blazor front end, health and dashboard.</summary>
internal static class HostComposition
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplicationBuilder AddSkriptoteketHost(this WebApplicationBuilder builder)
    {
        MapFriendlyEnvironmentNames(builder.Configuration);
        var urls = builder.Configuration["urls"];
        urls = string.IsNullOrWhiteSpace(urls) ? DefaultUrl : urls;
        if (builder.Configuration.GetTelemetryOptions().MetricsPort is { } metricsPort)
        {
            // Loopback only: the scraping agent runs on the same machine (docs/operations.md).
            urls += $";http://127.0.0.1:{metricsPort}";
        }
        builder.WebHost.UseUrls(urls);
        // Serve the component libraries' static files (MudBlazor) from a plain build too, not only after publish.
        builder.WebHost.UseStaticWebAssets();
        // Over-long API URLs must reach the API's error contract (414 with a body), not Kestrel's bare refusal.
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestLineSize = Skriptoteket.Web.Api.ApiLimits.ServerRequestLineLimit);

        var database = DatabaseSettings.From(RequiredSettings.Get(builder.Configuration, DatabaseSettings.Key));
        builder.Services.AddSingleton(database);

        // The schema and the first superuser are prepared before the host starts (PrepareDatabaseAsync):
        // the silo's ADO.NET providers read their queries from the schema when they start.
        builder.Services.AddSingleton<SchemaMigrationService>();
        builder.Services.AddSingleton<SuperuserBootstrapService>();
        builder.AddSkriptoteketSilo(database.ConnectionString);
        builder.Services.AddHostedService<InstallationStartRecorder>();
        builder.Services.AddHostedService<ExampleToolsLoader>();

        builder.Services.AddSkriptoteketGrainServices(database.ConnectionString);
        builder.Services.AddOptions<SuperuserBootstrapOptions>().BindConfiguration(SuperuserBootstrapOptions.Section);
        builder.AddSkriptoteketObservability();
        // Tagged "ready": the dependencies /readyz answers for (the docker check is healthy where Execution is off).
        string[] ready = [ReadinessResponseWriter.Tag];
        builder.Services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgresql", tags: ready)
            .AddCheck<OrleansClusterHealthCheck>("orleans", tags: ready)
            .AddCheck<DockerEngineHealthCheck>("docker", tags: ready)
            .AddCheck<InstallationHealthCheck>("installation")
            .AddCheck<RowLagHealthCheck>("rows");

        builder.Services.AddDataProtection().SetApplicationName("Skriptoteket");
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(services =>
            new ConfigureOptions<KeyManagementOptions>(o =>
                o.XmlRepository = new PostgresXmlRepository(services.GetRequiredService<NpgsqlDataSource>())));

        builder.Services.AddSkriptoteketWeb();
        return builder;
    }

    /// <summary>Applies migrations and creates the first superuser; call before the host starts.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await app.Services.GetRequiredService<SchemaMigrationService>().RunAsync(stopping.Token);
        await app.Services.GetRequiredService<SuperuserBootstrapService>().RunAsync(stopping.Token);
    }

    public static WebApplication UseSkriptoteketHost(this WebApplication app)
    {
        var role = NodeRole.From(app.Configuration);
        app.Logger.LogInformation("Node role {Role} (Execution:Enabled={Execution}, Web:Enabled={Web})", role.Name, role.Execution, role.Web);
        app.UseSkriptoteketForwardedHeaders();
        app.UseSkriptoteketSecurityHeaders();
        app.UseSkriptoteketCorrelation();
        app.MapSkriptoteketMetrics(role.Web);
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync });
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadinessResponseWriter.Tag),
            ResponseWriter = ReadinessResponseWriter.WriteAsync,
        });
        if (role.Web)
        {
            app.MapSkriptoteketDashboard();
            app.UseSkriptoteketWeb();
        }
        // A silo-only node answers health, readiness and (on its metrics port) metrics; every other path is 404.
        return app;
    }

    /// <summary>The README documents short environment names for the first superuser; map them onto settings.</summary>
    private static void MapFriendlyEnvironmentNames(ConfigurationManager configuration)
    {
        var mapped = new Dictionary<string, string?>();
        Map("SKRIPTOTEKET_SUPERUSER_EMAIL", $"{SuperuserBootstrapOptions.Section}:Email");
        Map("SKRIPTOTEKET_SUPERUSER_PASSWORD", $"{SuperuserBootstrapOptions.Section}:Password");
        Map("SKRIPTOTEKET_PORT", "urls", port => $"http://127.0.0.1:{port}");
        configuration.AddInMemoryCollection(mapped);

        void Map(string variable, string key, Func<string, string>? transform = null)
        {
            var value = Environment.GetEnvironmentVariable(variable);
            if (!string.IsNullOrEmpty(value))
            {
                mapped[key] = transform is null ? value : transform(value);
            }
        }
    }
}
