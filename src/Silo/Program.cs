using Skriptoteket.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddSkriptoteketHost();

var app = builder.Build();
app.UseSkriptoteketHost();
await app.PrepareDatabaseAsync();
await app.RunAsync();
