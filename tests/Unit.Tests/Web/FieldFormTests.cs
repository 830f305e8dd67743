using System.Text.Json.Nodes;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;
using Skriptoteket.Web.Runs;

namespace Skriptoteket.Unit.Tests.Web;

/// <summary>
/// The run form checks its values with the server's rules (FieldValueRules) before sending anything, and a
/// required field with a default that the teacher emptied stops the run too: sent empty, the server would give it
/// its default and the run would use a value the form no longer shows. Numbers keep the text that was typed.
/// </summary>
public sealed class FieldFormTests
{
    private static readonly ToolInputs Declared = new(
    [
        new InputField("storlek", FieldKind.Integer, "Elever per grupp", Required: true, Default: "4", Min: "2", Max: "10"),
        new InputField("klass", FieldKind.OneChoice, "Klass", Required: true, Default: "7A", Options: ["7A", "7B"]),
        new InputField("amne", FieldKind.OneChoice, "Ämne", Required: true, Options: ["Svenska", "Matte"]),
        new InputField("rubrik", FieldKind.ShortText, "Rubrik"),
        new InputField("blanda", FieldKind.YesNo, "Blanda", Required: true),
        new InputField("snitt", FieldKind.Decimal, "Snitt", Default: "2.5"),
    ], new FileInputs(0, 1, []));

    [Fact]
    public void Emptied_required_fields_are_named_and_optional_ones_may_stay_empty()
    {
        var form = new FieldForm(Declared);
        form.Entries[0].Text = null;
        form.Entries[1].Text = "  ";

        Assert.False(form.Check());
        Assert.Equal("Elever per grupp: fyll i ett värde.", form.ProblemOf("storlek")?.Message);
        Assert.Equal("Klass: välj ett alternativ.", form.ProblemOf("klass")?.Message);
        Assert.Equal("Ämne: välj ett alternativ.", form.ProblemOf("amne")?.Message);
        Assert.Null(form.ProblemOf("rubrik"));
        Assert.Null(form.ProblemOf("blanda"));
    }

    [Fact]
    public void Filled_required_fields_pass_and_clear_earlier_marks()
    {
        var form = new FieldForm(Declared);
        form.Entries[1].Text = null;
        Assert.False(form.Check());

        form.Entries[1].Text = "7B";
        form.Entries[2].Text = "Matte";

        Assert.True(form.Check());
        Assert.Null(form.ProblemOf("klass"));
    }

    [Theory]
    [InlineData("1,5", "1.5")]
    [InlineData("1.5", "1.5")]
    [InlineData(" 3 ", "3")]
    public void A_decimal_takes_a_comma_or_a_point_and_is_sent_as_that_number(string typed, string sent)
    {
        var form = Filled();
        form.Entries[5].Text = typed;

        Assert.True(form.Check());
        Assert.Equal(sent, JsonNode.Parse(form.ToJson())!["snitt"]!.ToJsonString());
    }

    [Fact]
    public void A_decimal_comma_in_an_integer_field_is_refused_by_name_and_the_typed_text_stays()
    {
        var form = Filled();
        form.Entries[0].Text = "1,5";

        Assert.False(form.Check());
        Assert.Equal("Elever per grupp: måste vara ett heltal, utan decimaler.", form.ProblemOf("storlek")?.Message);
        Assert.Equal("NotInteger", form.ProblemOf("storlek")?.Key);
        Assert.Equal("1,5", form.Entries[0].Text);
    }

    [Fact]
    public void The_default_is_shown_as_the_number_it_is_and_sent_unchanged()
    {
        var form = Filled();

        Assert.Equal("4", form.Entries[0].Text);
        Assert.True(form.Check());
        Assert.Equal(4, JsonNode.Parse(form.ToJson())!["storlek"]!.GetValue<int>());
    }

    private static FieldForm Filled()
    {
        var form = new FieldForm(Declared);
        form.Entries[2].Text = "Svenska";
        return form;
    }
}
