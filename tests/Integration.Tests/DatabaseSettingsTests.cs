using Npgsql;
using Skriptoteket.Silo.Migrations;

namespace Skriptoteket.Integration.Tests;

/// <summary>The host's connection string keeps statements prepared unless the operator's string says otherwise.</summary>
public sealed class DatabaseSettingsTests
{
    [Fact]
    public void Statements_are_kept_prepared_when_the_string_does_not_say()
    {
        var settings = DatabaseSettings.From("Host=127.0.0.1;Port=5432;Database=skola;Username=s;Password=p");

        var built = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        Assert.Equal(DatabaseSettings.DefaultMaxAutoPrepare, built.MaxAutoPrepare);
        Assert.Equal("skola", built.Database);
    }

    [Theory]
    [InlineData("Host=h;Database=d;Max Auto Prepare=0", 0)]
    [InlineData("Host=h;Database=d;MaxAutoPrepare=8", 8)]
    public void An_operators_own_setting_is_kept(string configured, int expected) =>
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(DatabaseSettings.From(configured).ConnectionString).MaxAutoPrepare);

    [Fact]
    public void A_malformed_string_is_kept_as_given_for_the_start_check_to_report() =>
        Assert.Equal("Host=h;Nonsense Key=1", DatabaseSettings.From("Host=h;Nonsense Key=1").ConnectionString);
}
