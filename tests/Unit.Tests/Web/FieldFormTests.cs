using Skriptoteket.Grains.Abstractions.Tools.Inputs;
using Skriptoteket.Web.Runs;

namespace Skriptoteket.Unit.Tests.Web;

/// <summary>
/// A required field with a default that the teacher emptied stops the run in the form, with the server's own words:
/// sent empty, the server would give it its default and the run would use a value the form no longer shows.
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
    ], new FileInputs(0, 1, []));

    [Fact]
    public void Emptied_required_fields_are_named_and_optional_ones_may_stay_empty()
    {
        var form = new FieldForm(Declared);
        form.Entries[0].Number = null;
        form.Entries[1].Text = "  ";

        Assert.False(form.CheckRequiredFilled());
        Assert.Equal("Elever per grupp: fyll i ett värde.", form.ProblemOf("storlek"));
        Assert.Equal("Klass: välj ett alternativ.", form.ProblemOf("klass"));
        Assert.Null(form.ProblemOf("rubrik"));
        Assert.Null(form.ProblemOf("amne")); // no default to fall back on: the server refuses it
        Assert.Null(form.ProblemOf("blanda"));
    }

    [Fact]
    public void Filled_required_fields_pass_and_clear_earlier_marks()
    {
        var form = new FieldForm(Declared);
        form.Entries[1].Text = null;
        Assert.False(form.CheckRequiredFilled());

        form.Entries[1].Text = "7B";

        Assert.True(form.CheckRequiredFilled());
        Assert.Null(form.ProblemOf("klass"));
    }
}
