using Bunit;
using Skriptoteket.Grains.Abstractions.Catalog;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;
using Skriptoteket.Web.Components.Runs;

namespace Skriptoteket.Components.Tests;

/// <summary>The run form of a tool that declares fields: labels and help, defaults sent, no file needed, refusals per field.</summary>
public sealed class ToolRunFormFieldsTests : ComponentContext
{
    private static readonly PublishedTool Tool = new(Guid.NewGuid(), "gruppdelning", "Gruppdelning", "Delar en klass i grupper.", "",
        Guid.NewGuid(), new ToolInputs(
            [
                new InputField("klass", FieldKind.OneChoice, "Klass", "Vilken klass?", Required: true, Default: "7A", Options: ["7A", "7B"]),
                new InputField("storlek", FieldKind.Integer, "Gruppstorlek", "Elever per grupp", Required: true, Default: "4", Min: "2", Max: "8"),
                new InputField("blanda", FieldKind.YesNo, "Blanda grupperna", Default: "true"),
                new InputField("amnen", FieldKind.SeveralChoices, "Ämnen", Options: ["Svenska", "Matte"]),
            ],
            new FileInputs(0, 0)));

    private RunFormInput? started;

    private IRenderedComponent<ToolRunForm> Render() => Context.Render<ToolRunForm>(p => p
        .Add(f => f.Tool, Tool)
        .Add(f => f.Limits, new UploadLimits())
        .Add(f => f.Launch, new RunLaunch())
        .Add(f => f.OnRun, (RunFormInput input) => started = input));

    [Fact]
    public void The_fields_show_their_labels_help_and_bounds_and_a_tool_without_files_runs_at_once()
    {
        Speak("sv");
        var form = Render();

        Assert.Contains("Klass", form.Find("[data-testid=field-klass]").TextContent);
        Assert.Contains("Elever per grupp Mellan 2 och 8.", form.Find("[data-testid=field-storlek]").TextContent);
        Assert.Equal(2, form.FindAll("[data-testid=field-amnen] input[type=checkbox]").Count);
        Assert.Empty(form.FindAll("[data-testid=run-files]"));
        Assert.Empty(form.FindAll("[data-testid=run-disabled-reason]"));

        form.Find("[data-testid=run-button]").Click();

        form.WaitForAssertion(() => Assert.NotNull(started));
        Assert.Empty(started!.Files);
        Assert.Equal("""{"klass":"7A","storlek":4,"blanda":true,"amnen":[]}""", started.FieldValuesJson);
    }

    [Fact]
    public void Ticked_choices_are_sent_in_the_declared_order()
    {
        Speak("sv");
        var form = Render();
        var boxes = form.FindAll("[data-testid=field-amnen] input[type=checkbox]");

        boxes[1].Change(true);
        form.FindAll("[data-testid=field-amnen] input[type=checkbox]")[0].Change(true);
        form.Find("[data-testid=run-button]").Click();

        form.WaitForAssertion(() => Assert.Contains("\"amnen\":[\"Svenska\",\"Matte\"]", started?.FieldValuesJson));
    }

    [Fact]
    public void In_English_the_bounds_and_the_forms_own_refusals_are_English_with_the_label_and_the_bounds()
    {
        Speak("en");
        var form = Render();

        Assert.Contains("Elever per grupp Between 2 and 8.", form.Find("[data-testid=field-storlek]").TextContent);
        form.Find("#field-input-storlek").Change("");
        form.Find("[data-testid=run-button]").Click();
        form.WaitForAssertion(() => Assert.Contains("Gruppstorlek: enter a value.", form.Find("[data-testid=field-storlek]").TextContent));

        form.Find("#field-input-storlek").Change("1,5");
        form.Find("[data-testid=run-button]").Click();

        // The click's handler finishes its render after an await: wait for it (under load it is not done yet).
        form.WaitForAssertion(() =>
            Assert.Contains("Gruppstorlek: must be a whole number, without decimals.", form.Find("[data-testid=field-storlek]").TextContent));
        Assert.Null(started);
        Assert.Equal("1,5", form.Find("#field-input-storlek").GetAttribute("value"));

        form.Find("#field-input-storlek").Change("12");
        form.Find("[data-testid=run-button]").Click();
        form.WaitForAssertion(() => Assert.Contains("Gruppstorlek: at most 8.", form.Find("[data-testid=field-storlek]").TextContent));
        Assert.DoesNotContain("högst", form.Markup);
        Assert.DoesNotContain("välj", form.Markup);
    }

    [Fact]
    public async Task A_server_refusal_in_English_names_the_field_in_English()
    {
        Speak("en");
        var form = Render();
        var refusal = Assert.Throws<Skriptoteket.Grains.Abstractions.Errors.DomainException>(
            () => FieldValueRules.Check(Tool.Declared, """{"klass": "7A", "storlek": 1}"""));

        await form.InvokeAsync(() => form.Instance.ShowRefusal(refusal));

        Assert.Contains("Gruppstorlek: at least 2.", form.Find("[data-testid=field-storlek]").TextContent);
        Assert.Contains("Some fields need correcting", form.Markup, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_server_refusal_is_shown_under_each_field_it_names()
    {
        Speak("sv");
        var form = Render();
        var refusal = FieldValueRules.Refusal([new FieldProblem("klass", "Klass: välj ett alternativ."), new FieldProblem("storlek", "Gruppstorlek: högst 8.")]);

        // Awaited: the refusal is shown on the renderer's thread, and the asserts must not run before it.
        await form.InvokeAsync(() => form.Instance.ShowRefusal(refusal));

        Assert.Contains("Klass: välj ett alternativ.", form.Find("[data-testid=field-klass]").TextContent);
        Assert.Contains("Gruppstorlek: högst 8.", form.Find("[data-testid=field-storlek]").TextContent);
        Assert.DoesNotContain("högst 8", form.Find("[data-testid=field-amnen]").TextContent);
    }
}
