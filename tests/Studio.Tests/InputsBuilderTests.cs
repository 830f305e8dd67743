using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;
using Skriptoteket.Web.Components.Studio;
using Skriptoteket.Web.Tools;

namespace Skriptoteket.Studio.Tests;

/// <summary>The studio's form builder: fields added, changed, reordered and removed without JSON; live problems; the JSON view.</summary>
public sealed class InputsBuilderTests : StudioTestContext
{
    private ToolInputs? published;

    public InputsBuilderTests()
    {
        // The installation's per-run limit (Uploads:MaxFiles, 10 by default) caps "most files".
        Context.Services.AddSingleton(Options.Create(new UploadLimits()));
    }

    private IRenderedComponent<InputsBuilder> Render(ToolInputs value) => Context.Render<InputsBuilder>(p => p
        .Add(b => b.Value, value)
        .Add(b => b.ValueChanged, (ToolInputs v) => published = v));

    /// <summary>
    /// The declaration the builder last handed the page, once it holds: MudBlazor's inputs may finish a change after
    /// the event returns (seen on a busy machine), so the check waits for the render that follows.
    /// </summary>
    private void Published(IRenderedComponent<InputsBuilder> builder, Action<ToolInputs> check) =>
        builder.WaitForAssertion(() =>
        {
            Assert.NotNull(published);
            check(published);
        }, TimeSpan.FromSeconds(10));

    [Fact]
    public void Adding_and_labelling_fields_hands_the_page_a_valid_declaration()
    {
        var builder = Render(ToolInputs.Legacy);

        builder.Find("[data-testid=builder-add]").Click();
        builder.Find("[data-testid=builder-add]").Click();
        builder.Find("#builder-name-1").Change("grans");
        builder.Find("#builder-label-1").Change("Gräns");
        builder.Find("#builder-min-1").Change("0");
        builder.Find("#builder-default-1").Change("5");

        Published(builder, p =>
        {
            Assert.Equal(["falt_1", "grans"], p.Fields.Select(f => f.Name));
            Assert.Equal(("Gräns", "0", "5"), (p.Fields[1].Label, p.Fields[1].Min, p.Fields[1].Default));
        });
        Assert.Empty(builder.FindAll("[data-testid=inputs-problems]"));
    }

    [Fact]
    public void Settings_are_declared_like_fields_in_their_own_section_and_show_in_the_JSON_view()
    {
        var builder = Render(ToolInputs.Legacy);

        builder.Find("[data-testid=settings-add]").Click();
        builder.Find("#settings-name-0").Change("signatur");
        builder.Find("#settings-label-0").Change("Signatur");
        builder.Find("[data-testid=settings-add]").Click();
        builder.Find("#settings-name-1").Change("signatur");

        Published(builder, p =>
        {
            Assert.Empty(p.Fields);
            Assert.Equal(["signatur", "signatur"], p.SettingsFields.Select(f => f.Name));
        });
        Assert.Contains("Inställningen \"signatur\": namnet finns redan", builder.Find("[data-testid=inputs-problems]").TextContent);
        builder.Find("[data-testid=settings-remove-1]").Click();
        builder.Find(".mud-switch input").Change(true);
        Assert.Contains("\"settings\": [", builder.Find("#inputs-json").GetAttribute("value") ?? builder.Find("#inputs-json").TextContent);
    }

    [Fact]
    public void Problems_show_while_typing_with_the_grain_s_own_words()
    {
        var builder = Render(ToolInputs.Legacy);
        builder.Find("[data-testid=builder-add]").Click();

        builder.Find("#builder-name-0").Change("1fel");
        builder.Find("#builder-min-files").Change("3");
        builder.Find("#builder-max-files").Change("1");

        builder.WaitForAssertion(() =>
        {
            var problems = builder.Find("[data-testid=inputs-problems]").TextContent;
            Assert.Contains("Fältet \"1fel\": namnet måste vara", problems);
            Assert.Contains("Minsta antalet filer är större än det största.", problems);
        }, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void The_file_type_hint_says_which_types_are_taken_once_some_are_ticked()
    {
        var builder = Render(new ToolInputs([], new FileInputs(1, 1)));
        Assert.Contains("Ingen vald", builder.Find("[data-testid=inputs-types-hint]").TextContent);

        builder.Find("[role=group][aria-label=Filtyper] input[type=checkbox]").Change(true);

        Published(builder, p => Assert.Single(p.Files.Types));
        var chosen = Assert.Single(published!.Files.Types);
        var hint = builder.Find("[data-testid=inputs-types-hint]").TextContent;
        Assert.Contains($"Tar bara emot: {chosen}.", hint);
        Assert.DoesNotContain("Ingen vald", hint);
    }

    [Fact]
    public void Fields_move_up_and_down_and_are_removed()
    {
        var start = new ToolInputs(
            [new InputField("a", FieldKind.ShortText, "A"), new InputField("b", FieldKind.Integer, "B"), new InputField("c", FieldKind.Date, "C")],
            new FileInputs(1, 1));
        var builder = Render(start);

        builder.Find("[data-testid=builder-field-2] button[aria-label='Flytta upp C']").Click();
        Published(builder, p => Assert.Equal(["a", "c", "b"], p.Fields.Select(f => f.Name)));
        builder.Find("[data-testid=builder-remove-0]").Click();
        Published(builder, p => Assert.Equal(["c", "b"], p.Fields.Select(f => f.Name)));
        Assert.Equal("c", builder.Find("#builder-name-0").GetAttribute("value"));
    }

    [Fact]
    public void Choice_fields_take_options_one_per_line_and_the_JSON_view_edits_the_same_declaration()
    {
        var builder = Render(new ToolInputs([new InputField("klass", FieldKind.OneChoice, "Klass", Options: ["7A"])], new FileInputs(0, 1)));

        builder.Find("#builder-options-0").Change("7A\n7B\n\n8A ");
        Published(builder, p => Assert.Equal(["7A", "7B", "8A"], p.Fields[0].Choices));

        builder.Find(".mud-switch input").Change(true);
        Assert.Contains("\"one_choice\"", builder.Find("#inputs-json").GetAttribute("value") ?? builder.Find("#inputs-json").TextContent);
        builder.Find("#inputs-json").Change("""{"fields": [{"name": "dag", "kind": "date", "label": "Dag"}], "files": {"minFiles": 0, "maxFiles": 0}}""");
        builder.Find("[data-testid=inputs-json-apply]").Click();
        Published(builder, p => Assert.Equal(FieldKind.Date, Assert.Single(p.Fields).Kind));

        builder.Find("#inputs-json").Change("{\"fields\": [");
        builder.Find("[data-testid=inputs-json-apply]").Click();
        builder.WaitForAssertion(() => Assert.Contains("inte giltig JSON", builder.Find("[data-testid=inputs-json-problem]").TextContent),
            TimeSpan.FromSeconds(10));
        Assert.Equal(FieldKind.Date, Assert.Single(published!.Fields).Kind);
    }

    [Fact]
    public void The_model_round_trips_a_declaration()
    {
        var declared = new ToolInputs([new InputField("amnen", FieldKind.SeveralChoices, "Ämnen", "Välj", true, "Svenska", "1", "2", ["Svenska", "Matte"])],
            new FileInputs(0, 3, [".xlsx", ".csv"]));

        Assert.Equal(ToolInputsJson.Write(declared with { Files = declared.Files with { Extensions = [".csv", ".xlsx"] } }),
            ToolInputsJson.Write(InputsDraft.From(declared).ToInputs()));
    }

    [Fact]
    public void Most_files_starts_at_the_installations_limit_and_more_is_capped_with_a_message()
    {
        var builder = Render(ToolInputs.Legacy);
        Assert.Equal("10", builder.Find("#builder-max-files").GetAttribute("value"));
        Assert.Contains("Installationen tar högst 10 filer per körning.", builder.Markup);
        Assert.Empty(builder.FindAll("[data-testid=inputs-files-capped]"));

        builder.Find("#builder-max-files").Change("25");

        Published(builder, p => Assert.Equal(10, p.Files.MaxFiles));
        Assert.Equal("10", builder.Find("#builder-max-files").GetAttribute("value"));
        Assert.Equal("En körning kan ta högst 10 filer i den här installationen. Högst antal filer är satt till 10.",
            builder.Find("[data-testid=inputs-files-capped]").TextContent.Trim());

        builder.Find("#builder-max-files").Change("3");
        Published(builder, p => Assert.Equal(3, p.Files.MaxFiles));
        Assert.Empty(builder.FindAll("[data-testid=inputs-files-capped]"));
    }

    [Fact]
    public void The_JSON_view_shows_swedish_letters_as_written()
    {
        var builder = Render(new ToolInputs([new InputField("grans", FieldKind.Integer, "Gräns för åk 7", "Lägsta poäng")], new FileInputs(0, 1)));

        builder.Find(".mud-switch input").Change(true);

        var json = builder.Find("#inputs-json").GetAttribute("value") ?? builder.Find("#inputs-json").TextContent;
        Assert.Contains("\"label\": \"Gräns för åk 7\"", json);
        Assert.Contains("\"help\": \"Lägsta poäng\"", json);
        Assert.DoesNotContain("\\u00", json);
    }
}
