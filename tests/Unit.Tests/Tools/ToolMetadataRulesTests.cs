using Skriptoteket.Grains.Abstractions.Errors;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;
using Skriptoteket.Grains.Abstractions.Tools;
using Skriptoteket.Grains.Catalog;

namespace Skriptoteket.Unit.Tests.Tools;

public sealed class ToolMetadataRulesTests
{
    private static readonly HashSet<string> Professions = ["larare", "rektor"];
    private static readonly HashSet<string> Categories = ["administration"];

    [Theory]
    [InlineData("klasslista", true)]
    [InlineData("klass-lista-2", true)]
    [InlineData("Klasslista", false)]
    [InlineData("klass--lista", false)]
    [InlineData("-klass", false)]
    [InlineData("klass_lista", false)]
    [InlineData("", false)]
    [InlineData("klasslista\n", false)] // .NET's "$" also matches before a final line break; the rules end at "\z"
    public void Slug_format(string slug, bool valid) => Assert.Equal(valid, ToolMetadataRules.IsValidSlug(slug));

    [Theory]
    [InlineData("Närvaro & frånvaro!", "narvaro-franvaro")]
    [InlineData("  Öppet hus 2026 ", "oppet-hus-2026")]
    [InlineData("!!!", "verktyg")]
    public void Slugs_are_proposed_from_titles(string title, string slug) => Assert.Equal(slug, SlugProposal.FromTitle(title));

    [Fact]
    public void Validation_trims_deduplicates_and_checks_the_allowlists()
    {
        var valid = ToolMetadataRules.Validate(new ToolMetadata(" klasslista ", " Titel ", " S ", "u", ["larare", "larare"], ["administration"]),
            Professions, Categories);
        Assert.Equal(("klasslista", "Titel", "S"), (valid.Slug, valid.Title, valid.Summary));
        Assert.Equal(["larare"], valid.Professions);

        var bad = new ToolMetadata("klasslista", "Titel", "", "", ["lärare"], ["administration"]);
        Assert.Equal(ErrorCode.Validation, Assert.Throws<DomainException>(() => ToolMetadataRules.Validate(bad, Professions, Categories)).Code);
        Assert.Throws<DomainException>(() => ToolMetadataRules.Validate(bad with { Professions = ["larare"], Categories = [] }, Professions, Categories));
    }
}
