using System.Text.Json.Nodes;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;

namespace Skriptoteket.Unit.Tests.Tools.Inputs;

/// <summary>Values given to a run, checked against the declaration (FieldValueRules) and files (RunInputRules).</summary>
public sealed class FieldValueRulesTests
{
    private static readonly ToolInputs Every = new(
        [
            new InputField("namn", FieldKind.ShortText, "Namn", Max: "10"),
            new InputField("text", FieldKind.LongText, "Text"),
            new InputField("antal", FieldKind.Integer, "Antal", Required: true, Min: "1", Max: "30"),
            new InputField("snitt", FieldKind.Decimal, "Snitt", Default: "2,50"),
            new InputField("visa", FieldKind.YesNo, "Visa"),
            new InputField("klass", FieldKind.OneChoice, "Klass", Options: ["7A", "7B"]),
            new InputField("amnen", FieldKind.SeveralChoices, "Ämnen", Required: true, Max: "2", Options: ["Svenska", "Matte", "Engelska"]),
            new InputField("dag", FieldKind.Date, "Dag", Min: "2026-01-01"),
        ],
        new FileInputs(0, 1));

    [Fact]
    public void Good_values_become_the_typed_JSON_object_in_declaration_order()
    {
        var json = FieldValueRules.Check(Every, """
            {"dag": "2026-03-01", "antal": "12", "namn": " Ada ", "visa": true, "klass": "7B",
             "amnen": ["Engelska", "Svenska"], "text": "rad 1\nrad 2"}
            """);

        Assert.Equal("""{"namn":"Ada","text":"rad 1\nrad 2","antal":12,"snitt":2.5,"visa":true,"klass":"7B","amnen":["Svenska","Engelska"],"dag":"2026-03-01"}""", json);
    }

    [Fact]
    public void Empty_optional_fields_take_their_default_or_null_and_yes_no_is_false()
    {
        var values = JsonNode.Parse(FieldValueRules.Check(Every, """{"antal": 3, "amnen": ["Matte"], "namn": ""}"""))!.AsObject();

        Assert.Null(values["namn"]);
        Assert.Equal(2.5m, values["snitt"]!.GetValue<decimal>());
        Assert.False(values["visa"]!.GetValue<bool>());
        Assert.Null(values["klass"]);
        Assert.Null(values["dag"]);
    }

    [Fact]
    public void Every_bad_value_is_refused_with_its_own_Swedish_message()
    {
        var error = Assert.Throws<DomainException>(() => FieldValueRules.Check(Every, """
            {"namn": "Alldeles för långt", "antal": 31, "snitt": "mycket", "visa": "kanske", "klass": "9C",
             "amnen": [], "dag": "2025-12-31", "okant": 1}
            """));

        var problems = FieldValueRules.ProblemsOf(error).ToDictionary(p => p.Field, p => p.Message);
        Assert.Equal(FieldValueRules.ProblemKey, error.Key);
        Assert.Equal("Namn: högst 10 tecken.", problems["namn"]);
        Assert.Equal("Antal: högst 30.", problems["antal"]);
        Assert.Equal("Snitt: måste vara ett tal.", problems["snitt"]);
        Assert.Equal("Visa: måste vara ja eller nej.", problems["visa"]);
        Assert.Equal("Klass: \"9C\" finns inte bland alternativen.", problems["klass"]);
        Assert.Equal("Ämnen: välj ett alternativ.", problems["amnen"]);
        Assert.Equal("Dag: tidigast 2026-01-01.", problems["dag"]);
        Assert.Equal("Fältet \"okant\" finns inte i verktyget.", problems["okant"]);
        Assert.Contains("Antal: högst 30.", error.Message);
    }

    [Theory]
    [InlineData("""{"antal": 2.5}""", "Antal: måste vara ett heltal, utan decimaler.")]
    [InlineData("""{"antal": 0}""", "Antal: minst 1.")]
    [InlineData("""{}""", "Antal: fyll i ett värde.")]
    [InlineData("""{"antal": 1, "amnen": "Matte"}""", "Ämnen: måste vara en lista med alternativ.")]
    [InlineData("""{"antal": 1, "dag": "1/3 2026"}""", "Dag: måste vara ett datum (ÅÅÅÅ-MM-DD).")]
    [InlineData("""{"antal": 1, "namn": "två\nrader"}""", "Namn: får bara vara en rad.")]
    [InlineData("""{"antal": 1, "amnen": ["Matte"], "namn": "nul\u0000"}""", "Namn: innehåller otillåtna tecken.")]
    [InlineData("""{"antal": 1, "amnen": ["Matte", "Svenska", "Engelska"]}""", "Ämnen: välj högst 2.")]
    [InlineData("""[1, 2]""", "Fältvärdena måste vara ett JSON-objekt (namn → värde).")]
    [InlineData("""{"antal": """, "Fältvärdena är inte giltig JSON.")]
    public void One_bad_value(string json, string message)
    {
        var error = Assert.Throws<DomainException>(() => FieldValueRules.Check(Every, json));

        Assert.Contains(message, FieldValueRules.ProblemsOf(error).Select(p => p.Message));
    }

    [Fact]
    public void A_tool_without_fields_takes_no_values_but_an_empty_object()
    {
        Assert.Equal("{}", FieldValueRules.Check(ToolInputs.Legacy, null));
        Assert.Equal("{}", FieldValueRules.Check(ToolInputs.Legacy, "{}"));
        Assert.Throws<DomainException>(() => FieldValueRules.Check(ToolInputs.Legacy, """{"x": 1}"""));
    }

    [Fact]
    public void Files_follow_the_declaration_and_too_few_wait_until_Run()
    {
        var oneCsv = new FileInputs(1, 1, [".csv"]);

        Assert.Equal("Run.FileRequired", RunInputRules.FileProblem(oneCsv, [])!.Key);
        Assert.Null(RunInputRules.ChosenFilesProblem(oneCsv, []));
        Assert.Equal("Verktyget tar högst 1 filer.", RunInputRules.FileProblem(oneCsv, ["a.csv", "b.csv"])!.Message);
        Assert.Equal("Verktyget tar bara filer av typen csv; \"a.txt\" passar inte.", RunInputRules.FileProblem(oneCsv, ["a.txt"])!.Message);
        Assert.Null(RunInputRules.FileProblem(oneCsv, ["Elever.CSV"]));
        Assert.Equal("Verktyget tar inga filer.", RunInputRules.FileProblem(new FileInputs(0, 0), ["a.csv"])!.Message);
        Assert.Null(RunInputRules.FileProblem(new FileInputs(0, 0), []));
        Assert.Equal("Run.FileRequired", RunInputRules.FileProblem(ToolInputs.Legacy.Files, [])!.Key);
    }
}
