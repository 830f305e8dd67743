using Skriptoteket.Silo.Hosting;

// Content root (appsettings.json, wwwroot with every web asset) is the folder the host's own files live in,
// never the working directory: ./run.sh starts the published host from the repository root, and a content
// root there found neither the settings nor the web root, so every script and stylesheet answered 200 with
// an empty body.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory,
});
builder.AddSkriptoteketHost();

var app = builder.Build();
app.UseSkriptoteketHost();
await app.PrepareDatabaseAsync();
await app.RunAsync();
