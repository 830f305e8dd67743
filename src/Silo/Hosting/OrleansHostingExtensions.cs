using System.ComponentModel.DataAnnotations;
using System.Net;
using Orleans.Configuration;
using Orleans.Dashboard;
using Skriptoteket.Grains.Persistence;
using Skriptoteket.Silo.Observability;
using Skriptoteket.Web.Security;

namespace Skriptoteket.Silo.Hosting;

internal static class OrleansHostingExtensions
{
    private const string Invariant = "Npgsql";

    /// <summary>A silo with ADO.NET clustering, grain storage and reminders, all on the one PostgreSQL.</summary>
    public static WebApplicationBuilder AddSkriptoteketSilo(this WebApplicationBuilder builder, string connectionString)
    {
        var options = builder.Configuration.GetSection(OrleansHostOptions.Section).Get<OrleansHostOptions>()
                      ?? new OrleansHostOptions();
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);

        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = options.ClusterId;
                o.ServiceId = options.ServiceId;
            });
            silo.Configure<SiloOptions>(o => o.SiloName = options.SiloName ?? $"{Environment.MachineName}-{options.SiloPort}");
            silo.ConfigureEndpoints(IPAddress.Parse(options.AdvertisedAddress), options.SiloPort, options.GatewayPort);
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = Invariant;
                o.ConnectionString = connectionString;
            });
            silo.AddAdoNetGrainStorage(StorageNames.Store, o =>
            {
                o.Invariant = Invariant;
                o.ConnectionString = connectionString;
            });
            silo.UseAdoNetReminderService(o =>
            {
                o.Invariant = Invariant;
                o.ConnectionString = connectionString;
            });
            if (options.Dashboard)
            {
                silo.AddDashboard();
            }
            if (!string.IsNullOrWhiteSpace(builder.Configuration.GetTelemetryOptions().OtlpEndpoint))
            {
                // Traces follow grain calls (web request → grains → the run's container span) only when exported.
                silo.AddActivityPropagation();
            }
        });
        return builder;
    }

    public static WebApplication MapSkriptoteketDashboard(this WebApplication app)
    {
        var options = app.Configuration.GetSection(OrleansHostOptions.Section).Get<OrleansHostOptions>()
                      ?? new OrleansHostOptions();
        if (options.Dashboard)
        {
            // Operators only (SPEC §8): anonymous callers are sent to the login, others get 403.
            app.MapOrleansDashboard(routePrefix: "/dashboard").RequireAuthorization(Policies.Admin);
        }
        return app;
    }
}
