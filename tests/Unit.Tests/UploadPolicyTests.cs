using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Runs;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;

namespace Skriptoteket.Unit.Tests;

public sealed class UploadPolicyTests
{
    private static readonly UploadLimits Small = new() { MaxFileBytes = 10, MaxRunBytes = 25, MaxFiles = 3 };

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
        var files = UploadPolicy.Check([new("a.csv", [1]), new("A.csv", [2])], Small);

        Assert.Equal(["a.csv", "A-2.csv"], files.Select(f => f.FileName));
    }

    [Theory]
    [InlineData("program.exe", "Filtypen")]
    [InlineData("bild.png", "Filtypen")]
    [InlineData("stor.csv", "för stor")]
    public void Forbidden_types_and_oversized_files_are_refused_in_swedish(string name, string message)
    {
        var error = Assert.Throws<DomainException>(() => UploadPolicy.Check([new RunInputFile(name, new byte[11])], Small));

        Assert.Equal(ErrorCode.Validation, error.Code);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Files_within_the_per_file_limit_are_refused_when_they_exceed_the_per_run_limit_together()
    {
        var error = Assert.Throws<DomainException>(() =>
            UploadPolicy.Check([new("a.csv", new byte[10]), new("b.csv", new byte[10]), new("c.csv", new byte[10])], Small));

        Assert.Equal(ErrorCode.Validation, error.Code);
        Assert.Equal("Filerna är för stora tillsammans. Högst 25 byte per körning.", error.Message);
    }

    [Fact]
    public void More_files_than_the_limit_are_refused_with_the_number()
    {
        var error = Assert.Throws<DomainException>(() =>
            UploadPolicy.Check([.. Enumerable.Range(0, 4).Select(i => new RunInputFile($"{i}.txt", [1]))], Small));

        Assert.Equal("Högst 3 filer per körning.", error.Message);
    }

    [Fact]
    public void The_defaults_follow_the_spec_and_stay_well_under_one_grain_message()
    {
        var defaults = new UploadLimits();

        Assert.Equal(25L * 1024 * 1024, defaults.MaxFileBytes);
        Assert.Empty(defaults.Problems());
        Assert.True(defaults.MaxRunBytes <= UploadLimits.MessageCeilingBytes);
        Assert.Equal("csv, xlsx, docx, pdf, md, txt och py; högst 25 MB per fil, 50 MB och 10 filer per körning", defaults.Description);
    }

    [Fact]
    public void Limits_beyond_one_grain_message_or_contradicting_each_other_are_configuration_errors()
    {
        Assert.NotEmpty(new UploadLimits { MaxRunBytes = 100L * 1024 * 1024, MaxFileBytes = 25L * 1024 * 1024 }.Problems());
        Assert.NotEmpty(new UploadLimits { MaxRunBytes = 1024, MaxFileBytes = 2048 }.Problems());
        Assert.NotEmpty(new UploadLimits { MaxFiles = 0 }.Problems());
    }
}
