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

WebApplication app;
try
{
    builder.AddSkriptoteketHost();
    app = builder.Build();
    app.UseSkriptoteketHost();
    await app.PrepareDatabaseAsync();
}
catch (Exception e) when (DatabaseStartProblem.Explain(e) is { } problem)
{
    // One line to act on (no such database, wrong password, nothing listening) rather than a stack trace.
    await Console.Error.WriteLineAsync($"Skriptoteket cannot start: {problem}");
    return 1;
}
await app.RunAsync();
return 0;
