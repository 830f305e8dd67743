using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Web.Identity;
using Skriptoteket.Web.Localization;

namespace Skriptoteket.Unit.Tests.Web;

/// <summary>The audit viewer shows the stored JSON details as name/value pairs, and never hides what it cannot read.</summary>
public sealed class AuditTextTests
{
    [Fact]
    public void Details_become_pairs_with_strings_unquoted_and_nulls_left_out()
    {
        var pairs = AuditText.Details("""{"kind":"production","tool_id":"7f0c","from_editor":false,"suggestion_id":null}""");

        Assert.Equal([("kind", "production"), ("tool_id", "7f0c"), ("from_editor", "false")], pairs);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    public void Empty_details_show_nothing(string json) => Assert.Empty(AuditText.Details(json));

    [Fact]
    public void Details_in_another_shape_are_shown_as_stored()
    {
        Assert.Equal([("", "not json")], AuditText.Details("not json"));
        Assert.Equal([("", "[1,2]")], AuditText.Details("[1,2]"));
    }

    private static readonly IStringLocalizer<Strings> Swedish = new StringLocalizer<Strings>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance));

    [Fact]
    public void Resolved_ids_read_as_names_with_where_they_lead_and_unknown_ids_stay_ids()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("sv");
        var (tool, version, user, run, gone) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var nomination = Guid.NewGuid();
        var names = new Dictionary<Guid, AuditName>
        {
            [tool] = new(AuditNameKind.Tool, "Närvaro", null, tool),
            [version] = new(AuditNameKind.Version, "Närvaro", "3", tool),
            [user] = new(AuditNameKind.User, "Ada Lärare", "ada@skola.test", null),
            [run] = new(AuditNameKind.Run, "Närvaro", null, tool),
            [nomination] = new(AuditNameKind.Nomination, "Ada Lärare", "ada@skola.test", null),
        };

        Assert.Equal(("Närvaro", $"/admin/tools/{tool}"), AuditText.Readable(Swedish, names, tool.ToString()));
        Assert.Equal(("v3 av Närvaro", $"/admin/tools/{tool}/versions"), AuditText.Readable(Swedish, names, version.ToString()));
        Assert.Equal(("Ada Lärare (ada@skola.test)", null), AuditText.Readable(Swedish, names, user.ToString()));
        Assert.Equal(("Körning av Närvaro", $"/runs/{run}"), AuditText.Readable(Swedish, names, run.ToString()));
        Assert.Equal(("Nominering av Ada Lärare (ada@skola.test)", null), AuditText.Readable(Swedish, names, nomination.ToString()));
        Assert.Null(AuditText.Readable(Swedish, names, gone.ToString()));
        Assert.Null(AuditText.Readable(Swedish, names, "production"));
    }

    [Fact]
    public void Detail_keys_read_in_swedish_and_unknown_keys_as_stored()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("sv");

        Assert.Equal("Version", AuditText.DetailName(Swedish, "version_id"));
        Assert.Equal("Från redigeraren", AuditText.DetailName(Swedish, "from_editor"));
        Assert.Equal("Anteckning om exemplen", AuditText.DetailName(Swedish, "examples_note"));
        Assert.Equal("some_new_key", AuditText.DetailName(Swedish, "some_new_key"));
    }

    [Fact]
    public void Coded_detail_values_read_in_swedish_lists_are_joined_and_free_text_stays_as_written()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("sv");

        Assert.Equal("Testkörning", AuditText.DetailValue(Swedish, "kind", "sandbox"));
        Assert.Equal("Granskas", AuditText.DetailValue(Swedish, "state", "in_review"));
        Assert.Equal("Superanvändare", AuditText.DetailValue(Swedish, "to", "superuser"));
        Assert.Equal("ja", AuditText.DetailValue(Swedish, "from_editor", "true"));
        Assert.Equal("a_new_code", AuditText.DetailValue(Swedish, "kind", "a_new_code"));
        // Free text is never "translated", even when it happens to be a code.
        Assert.Equal("active", AuditText.DetailValue(Swedish, "note", "active"));
        Assert.Equal("Klass 7B: oförändrat, Klass 8A: ändrat", AuditText.DetailValue(Swedish, "examples", "[\"Klass 7B: oförändrat\",\"Klass 8A: ändrat\"]"));
        Assert.Equal("–", AuditText.DetailValue(Swedish, "artifact_runs", "[]"));
        Assert.Equal("[1,2]", AuditText.DetailValue(Swedish, "objects", "[1,2]"));
    }
}
