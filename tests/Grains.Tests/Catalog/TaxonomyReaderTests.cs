using Microsoft.Extensions.Time.Testing;
using Skriptoteket.Grains.Catalog;
using Skriptoteket.TestSupport;

namespace Skriptoteket.Grains.Tests.Catalog;

/// <summary>
/// The allowlists are read once a minute, not on every tool transition (docs/performance.md, "Tool state changes"):
/// a change in the tables (only a migration makes one) is seen once the kept lists are a minute old.
/// </summary>
public sealed class TaxonomyReaderTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync("taxonomy");

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Lists_are_kept_for_a_minute_and_then_read_again()
    {
        await using var db = database.CreateDataSource();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var reader = new TaxonomyReader(db, time);
        var before = await reader.ReadAsync();
        Assert.DoesNotContain(before.Professions, p => p.Slug == "skolbibliotekarie");

        await using (var insert = db.CreateCommand(
            "INSERT INTO professions (slug, label, position) VALUES ('skolbibliotekarie', 'Skolbibliotekarie', 99)"))
        {
            await insert.ExecuteNonQueryAsync();
        }
        time.Advance(TaxonomyReader.KeptFor - TimeSpan.FromSeconds(1));
        Assert.Same(before, await reader.ReadAsync());

        time.Advance(TimeSpan.FromSeconds(1));
        var after = await reader.ReadAsync();
        Assert.Contains(after.Professions, p => p.Slug == "skolbibliotekarie" && p.Label == "Skolbibliotekarie");
        Assert.Equal(before.Professions.Count + 1, after.Professions.Count);
    }
}
