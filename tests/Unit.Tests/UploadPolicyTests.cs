using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Runs;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;

namespace Skriptoteket.Unit.Tests;

public sealed class UploadPolicyTests
{
    [Theory]
    [InlineData("Närvaro åk 7.csv", "Narvaro_ak_7.csv")]
    [InlineData("../../etc/passwd.txt", "passwd.txt")]
    [InlineData("C:\\Users\\x\\.hemlig.TXT", "hemlig.txt")]
    [InlineData(".py", "fil.py")]
    public void Names_are_reduced_to_safe_ones(string given, string expected) =>
        Assert.Equal(expected, UploadPolicy.SafeName(given));

    [Fact]
    public void Same_names_are_made_unique()
    {
        var files = UploadPolicy.Check([new("a.csv", [1]), new("A.csv", [2])], 10);

        Assert.Equal(["a.csv", "A-2.csv"], files.Select(f => f.FileName));
    }

    [Theory]
    [InlineData("program.exe", "Filtypen")]
    [InlineData("bild.png", "Filtypen")]
    [InlineData("stor.csv", "för stor")]
    public void Forbidden_types_and_oversized_files_are_refused_in_swedish(string name, string message)
    {
        var error = Assert.Throws<DomainException>(() => UploadPolicy.Check([new RunInputFile(name, new byte[11])], 10));

        Assert.Equal(ErrorCode.Validation, error.Code);
        Assert.Contains(message, error.Message);
    }
}
