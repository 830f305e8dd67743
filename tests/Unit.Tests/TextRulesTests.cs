using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Validation;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;

namespace Skriptoteket.Unit.Tests;

public sealed class TextRulesTests
{
    [Theory]
    [InlineData("Hej på dig", true)]
    [InlineData("rad 1\nrad 2\r\n\tindrag", true)]
    [InlineData("emoji 😀 är ett par", true)]
    [InlineData("a\0b", false)]
    [InlineData("a\u0001b", false)]
    [InlineData("a\u001fb", false)]
    public void Storable_text_is_what_PostgreSQL_keeps_and_a_person_types(string text, bool storable) =>
        Assert.Equal(storable, TextRules.IsStorable(text));

    [Fact]
    public void Lone_surrogates_are_not_storable()
    {
        // Built in code: attribute arguments cannot carry a lone surrogate intact.
        Assert.False(TextRules.IsStorable(new string(['a', (char)0xD800, 'b'])));
        Assert.False(TextRules.IsStorable(new string([(char)0xDC00])));
        Assert.False(TextRules.IsStorable("slut" + (char)0xD83D));
        Assert.True(TextRules.IsStorable(new string([(char)0xD83D, (char)0xDE00])));
    }

    [Fact]
    public void Refusals_name_the_field_in_Swedish()
    {
        Assert.Equal("Titeln saknas.", Refusal(() => TextRules.Required(null, "Titeln", 10)));
        Assert.Equal("Titeln saknas.", Refusal(() => TextRules.Required("   ", "Titeln", 10)));
        Assert.Equal("Titeln får vara högst 1 000 tecken.", Refusal(() => TextRules.Required(new string('x', 1001), "Titeln", 1000)));
        Assert.StartsWith("Skriptet innehåller tecken som inte kan sparas", Refusal(() => TextRules.Exact("a\0", "Skriptet", 10)));
        Assert.Equal("Yrkesrollerna saknas.", Refusal(() => TextRules.List(null, "Yrkesrollerna", 5, 10)));
        Assert.Equal("Yrkesrollerna innehåller ett tomt värde.", Refusal(() => TextRules.List([null], "Yrkesrollerna", 5, 10)));
        Assert.Equal("Sammanfattningen saknas.", Refusal(() => TextRules.Present(null, "Sammanfattningen", 10)));
    }

    [Fact]
    public void Optional_text_is_trimmed_and_empty_means_none()
    {
        Assert.Equal("", TextRules.Optional(null, "Anteckningen", 10));
        Assert.Equal("ok", TextRules.Optional("  ok ", "Anteckningen", 10));
        Assert.Null(TextRules.OptionalOrNull("  ", "Anteckningen", 10));
        Assert.Equal("  kod\n", TextRules.Exact("  kod\n", "Skriptet", 10));
    }

    [Fact]
    public void Scrub_replaces_only_what_cannot_be_stored()
    {
        Assert.Equal("a\uFFFDb\uFFFD\n😀", TextRules.Scrub("a\0b\ud800\n😀"));
        Assert.Same("ren text", TextRules.Scrub("ren text"));
    }

    [Fact]
    public void Truncate_never_splits_a_surrogate_pair()
    {
        Assert.Equal("ab", TextRules.Truncate("ab😀", 3));
        Assert.Equal("ab😀", TextRules.Truncate("ab😀c", 4));
        Assert.Equal("kort", TextRules.Truncate("kort", 10));
    }

    private static string Refusal(Action action)
    {
        var ex = Assert.Throws<DomainException>(action);
        Assert.Equal(ErrorCode.Validation, ex.Code);
        return ex.Message;
    }

    /// <summary>One entrypoint rule for a saved version and the sandbox's unsaved text: a Python name of at most 100 characters.</summary>
    [Theory]
    [InlineData("run_tool", true)]
    [InlineData("_main2", true)]
    [InlineData("import os", false)]
    [InlineData("1st", false)]
    [InlineData("kör", false)]
    [InlineData("a-b", false)]
    public void An_entrypoint_is_a_Python_name(string name, bool accepted)
    {
        if (accepted)
        {
            Assert.Equal(name, ScriptEntrypoint.Checked(name));
            return;
        }
        var refused = Assert.Throws<DomainException>(() => ScriptEntrypoint.Checked(name));
        Assert.Equal((ErrorCode.Validation, "Script.EntrypointInvalid"), (refused.Code, refused.Key));
    }

    [Fact]
    public void An_entrypoint_has_at_most_the_documented_length()
    {
        Assert.Equal(TextLimits.Entrypoint, ScriptEntrypoint.Checked(new string('a', TextLimits.Entrypoint)).Length);
        Assert.Throws<DomainException>(() => ScriptEntrypoint.Checked(new string('a', TextLimits.Entrypoint + 1)));
    }
}
