using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;
using Skriptoteket.Grains.Tools;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;

namespace Skriptoteket.Unit.Tests.Tools.Inputs;

/// <summary>Validation of a declaration itself (ToolInputRules), its JSON form and its place in the content hash.</summary>
public sealed class ToolInputRulesTests
{
    private static readonly FileInputs OneCsv = new(1, 1, [".csv"]);

    internal static readonly ToolInputs ClassAndThreshold = new(
        [
            new InputField("klass", FieldKind.OneChoice, "Klass", "Vilken klass?", Required: true, Options: ["7A", "7B", "8A"]),
            new InputField("grans", FieldKind.Integer, "Gräns", "Lägsta poäng", Default: "10", Min: "0", Max: "100"),
        ],
        OneCsv);

    [Fact]
    public void A_good_declaration_is_trimmed_and_kept()
    {
        var messy = new ToolInputs([new InputField(" namn ", FieldKind.ShortText, " Namn ", " hjälp ", Default: " Ada ")], new FileInputs(0, 2, ["CSV", ".Xlsx"]));

        var valid = ToolInputRules.Validate(messy);

        var field = Assert.Single(valid.Fields);
        Assert.Equal(("namn", "Namn", "hjälp", "Ada"), (field.Name, field.Label, field.Help, field.Default));
        Assert.Equal([".csv", ".xlsx"], valid.Files.Types);
        Assert.Empty(ToolInputRules.Problems(ClassAndThreshold));
    }

    public static TheoryData<InputField, string> BadFields => new()
    {
        { new InputField("1klass", FieldKind.ShortText, "Klass"), "namnet måste vara" },
        { new InputField("klass-namn", FieldKind.ShortText, "Klass"), "namnet måste vara" },
        { new InputField("klass", FieldKind.ShortText, "  "), "etiketten saknas" },
        { new InputField("klass", FieldKind.OneChoice, "Klass"), "ange minst ett alternativ" },
        { new InputField("klass", FieldKind.OneChoice, "Klass", Options: ["7A", "7A"]), "alternativen måste vara olika" },
        { new InputField("klass", FieldKind.ShortText, "Klass", Options: ["7A"]), "bara val-fält har alternativ" },
        { new InputField("grans", FieldKind.Integer, "Gräns", Min: "10", Max: "5"), "minsta värdet är större än det största" },
        { new InputField("grans", FieldKind.Integer, "Gräns", Min: "1.5"), "minsta värdet måste vara ett heltal" },
        { new InputField("dag", FieldKind.Date, "Dag", Max: "31/12"), "största värdet måste vara ett datum" },
        { new InputField("ok", FieldKind.YesNo, "OK", Min: "1"), "inget minsta eller största värde" },
        { new InputField("grans", FieldKind.Integer, "Gräns", Default: "tio"), "standardvärdet måste vara ett heltal" },
        { new InputField("grans", FieldKind.Integer, "Gräns", Default: "200", Max: "100"), "standardvärdet högst 100" },
        { new InputField("klass", FieldKind.OneChoice, "Klass", Default: "9C", Options: ["7A"]), "standardvärdet \"9C\" finns inte bland alternativen" },
        { new InputField("text", FieldKind.ShortText, "Text", Max: "5000"), "högst 200 tecken är möjligt" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public void A_bad_field_is_refused_with_a_Swedish_message_naming_it(InputField field, string expected)
    {
        var error = Assert.Throws<DomainException>(() => ToolInputRules.Validate(new ToolInputs([field], OneCsv)));

        Assert.Equal(ErrorCode.Validation, error.Code);
        Assert.Contains(expected, error.Message);
        Assert.StartsWith(field.Name.Length > 0 ? $"Fältet \"{field.Name}\"" : "Fält 1", error.Message);
    }

    [Fact]
    public void Names_are_unique_regardless_of_case_and_every_problem_is_listed()
    {
        var inputs = new ToolInputs(
            [new InputField("klass", FieldKind.ShortText, "Klass"), new InputField("Klass", FieldKind.ShortText, ""), new InputField("x", FieldKind.Date, "D", Min: "2026-13-01")],
            new FileInputs(2, 1, [".exe"]));

        var problems = ToolInputRules.Problems(inputs);

        Assert.Contains(problems, p => p.Contains("namnet finns redan"));
        Assert.Contains(problems, p => p.Contains("etiketten saknas"));
        Assert.Contains(problems, p => p.Contains("minsta värdet måste vara ett datum"));
        Assert.Contains("Minsta antalet filer är större än det största.", problems);
        Assert.Contains(problems, p => p.StartsWith("Filtypen .exe stöds inte"));
    }

    [Fact]
    public void A_tool_may_take_no_file_but_not_a_negative_count()
    {
        Assert.Empty(ToolInputRules.Problems(new ToolInputs([], new FileInputs(0, 0))));
        Assert.NotEmpty(ToolInputRules.Problems(new ToolInputs([], new FileInputs(-1, 0))));
        Assert.NotEmpty(ToolInputRules.Problems(new ToolInputs([], new FileInputs(0, ToolInputs.MaxDeclaredFiles + 1))));
    }

    [Fact]
    public void The_JSON_form_round_trips_and_unreadable_JSON_is_refused_in_Swedish()
    {
        var json = ToolInputsJson.Write(ClassAndThreshold, indented: true);

        Assert.Contains("\"kind\": \"one_choice\"", json);
        Assert.Equal(json, ToolInputsJson.Write(ToolInputsJson.Read(json), indented: true));
        Assert.Contains("inte giltig JSON", Assert.Throws<DomainException>(() => ToolInputsJson.Read("{\"fields\": [")).Message);
        Assert.Contains("inte giltig JSON", Assert.Throws<DomainException>(() => ToolInputsJson.Read("{\"fields\": [], \"files\": {\"minFiles\": 0, \"maxFiles\": 1}, \"extra\": 1}")).Message);
        Assert.Contains("\"fields\" och \"files\"", Assert.Throws<DomainException>(() => ToolInputsJson.Read("{}")).Message);
        Assert.Same(ToolInputs.Legacy, ToolInputsJson.ReadStored(null));
    }

    [Fact]
    public void The_declaration_is_part_of_the_content_hash_and_the_legacy_one_hashes_as_before()
    {
        const string source = "def run_tool(i, o):\n    return ''\n";
        var before = ContentHash.Of(source, "run_tool");

        Assert.Equal(before, ContentHash.Of(source, "run_tool", ToolInputs.Legacy));
        Assert.NotEqual(before, ContentHash.Of(source, "run_tool", ClassAndThreshold));
        Assert.NotEqual(ContentHash.Of(source, "run_tool", ClassAndThreshold),
            ContentHash.Of(source, "run_tool", ClassAndThreshold with { Files = new FileInputs(0, 1) }));
        Assert.Equal(ContentHash.Of(source, "run_tool", ClassAndThreshold), ContentHash.Of(source, "run_tool", ToolInputsJson.Read(ToolInputsJson.Write(ClassAndThreshold))));
    }
    [Fact]
    public void Settings_are_checked_like_fields_with_names_unique_among_the_settings()
    {
        var settings = new ToolInputs(ClassAndThreshold.Fields, OneCsv,
            [new InputField("klass", FieldKind.ShortText, "Min klass"), new InputField("Klass", FieldKind.ShortText, "Igen"), new InputField("grans", FieldKind.Integer, "Gräns", Default: "200", Max: "100")]);

        var problems = ToolInputRules.Problems(settings);

        // A setting may share a field's name (st.fields and st.settings are apart), not another setting's.
        Assert.Equal(["Inställningen \"Klass\": namnet finns redan; varje fält behöver ett eget namn.", "Inställningen \"grans\": standardvärdet högst 100."], problems);
        Assert.Contains($"Högst {ToolInputRules.MaxFields} inställningar",
            Assert.Single(ToolInputRules.Problems(new ToolInputs([], OneCsv,
                [.. Enumerable.Range(0, ToolInputRules.MaxFields + 1).Select(i => new InputField($"s{i}", FieldKind.YesNo, "S"))]))));
    }

    [Fact]
    public void Settings_are_trimmed_and_an_empty_list_is_no_settings()
    {
        var valid = ToolInputRules.Validate(new ToolInputs([], OneCsv, [new InputField(" sign ", FieldKind.ShortText, " Signatur ")]));

        Assert.Equal(("sign", "Signatur"), (valid.SettingsFields[0].Name, valid.SettingsFields[0].Label));
        Assert.Null(ToolInputRules.Validate(ClassAndThreshold with { Settings = [] }).Settings);
    }

    [Fact]
    public void Settings_are_part_of_the_JSON_and_the_hash_and_a_declaration_without_them_hashes_as_before()
    {
        const string source = "def run_tool(i, o):\n    return ''\n";
        var withSettings = ClassAndThreshold with { Settings = [new InputField("sign", FieldKind.ShortText, "Signatur", Default: "AB")] };
        var json = ToolInputsJson.Write(withSettings, indented: true);

        Assert.Contains("\"settings\": [", json);
        Assert.Equal(withSettings.SettingsFields, ToolInputsJson.Read(json).SettingsFields);
        Assert.Equal(json, ToolInputsJson.Write(ToolInputsJson.Read(json), indented: true));
        // No settings (null or an empty list) is left out: the JSON and so the hash of every earlier version stay the same.
        Assert.DoesNotContain("settings", ToolInputsJson.Write(ClassAndThreshold with { Settings = [] }), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(ToolInputsJson.Write(ClassAndThreshold), ToolInputsJson.Write(ClassAndThreshold with { Settings = [] }));
        // The hash this declaration had before settings existed (computed on the code of that time).
        Assert.Equal("475c7abf7e548a2e189aafeeaba922498e1feabc751f1f86de849f27c906a888", ContentHash.Of(source, "run_tool", ClassAndThreshold with { Settings = [] }));
        Assert.Equal(ContentHash.Of(source, "run_tool"), ContentHash.Of(source, "run_tool", ToolInputs.Legacy with { Settings = [] }));
        Assert.NotEqual(ContentHash.Of(source, "run_tool", ClassAndThreshold), ContentHash.Of(source, "run_tool", withSettings));
        Assert.Null(ToolInputsJson.Read("{\"fields\": [], \"files\": {\"minFiles\": 0, \"maxFiles\": 1}, \"settings\": []}").Settings);
    }
}
