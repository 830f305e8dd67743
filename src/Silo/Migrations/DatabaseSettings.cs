namespace Skriptoteket.Silo.Migrations;

/// <summary>The PostgreSQL connection string (setting ConnectionStrings:Skriptoteket), checked when the host is built.</summary>
internal sealed record DatabaseSettings(string ConnectionString)
{
    public const string Key = "ConnectionStrings:Skriptoteket";
}
