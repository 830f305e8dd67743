using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;

namespace Skriptoteket.Unit.Tests.Runs;

/// <summary>The one key rule of run starts: one person's key names one run id; a key is visible ASCII of bounded length.</summary>
public sealed class RunStartKeyTests
{
    private static readonly Guid Ada = Guid.NewGuid();
    private static readonly Guid Bo = Guid.NewGuid();

    [Fact]
    public void The_same_persons_same_key_names_the_same_run_and_anything_else_another()
    {
        var first = RunStartKey.RunIdFor(Ada, "inlamning-1");

        Assert.Equal(first, RunStartKey.RunIdFor(Ada, "inlamning-1"));
        Assert.NotEqual(first, RunStartKey.RunIdFor(Ada, "inlamning-2"));
        Assert.NotEqual(first, RunStartKey.RunIdFor(Bo, "inlamning-1"));
        Assert.Equal(8, first.Version);
    }

    [Fact]
    public void A_request_without_a_key_gets_a_new_run_id_each_time_and_with_one_the_keys_id()
    {
        var user = new ActingUser(Ada, Role.User);
        var plain = RunRequest.Production("verktyg", user, []);
        var keyed = plain with { StartKey = "k" };

        Assert.NotEqual(RunStartKey.RunIdOf(plain), RunStartKey.RunIdOf(plain));
        Assert.Equal(RunStartKey.RunIdFor(Ada, "k"), RunStartKey.RunIdOf(keyed));
    }

    [Theory]
    [InlineData("")]
    [InlineData("med mellanslag")]
    [InlineData("åäö")]
    public void A_key_that_is_not_visible_ascii_is_refused_in_swedish(string key)
    {
        var refusal = Assert.Throws<DomainException>(() => RunStartKey.Check(key));

        Assert.Equal(ErrorCode.Validation, refusal.Code);
        Assert.Equal("Run.StartKeyInvalid", refusal.Key);
        Assert.StartsWith("Idempotency-Key ska vara 1–100 synliga tecken", refusal.Message);
    }

    [Fact]
    public void No_key_is_fine_and_a_key_of_the_longest_length_too()
    {
        Assert.Null(RunStartKey.Check(null));
        Assert.Equal(new string('a', 100), RunStartKey.Check(new string('a', 100)));
        Assert.Throws<DomainException>(() => RunStartKey.Check(new string('a', 101)));
    }
}
