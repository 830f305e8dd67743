using Skriptoteket.Web.Identity;

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
}
