using Skriptoteket.Grains.Execution;

namespace Skriptoteket.Unit.Tests;

/// <summary>Which run a leftover container served: by its run-id label, or for a warm pool container by its name.</summary>
public sealed class ContainerRunIdTests
{
    private static readonly Guid Run = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

    [Fact]
    public void A_container_made_for_its_run_is_known_by_its_label()
    {
        var labels = new Dictionary<string, string> { [ContainerLabels.RunId] = Run.ToString(), [ContainerLabels.Silo] = "s" };

        Assert.Equal(Run, ContainerSpec.RunIdOf(labels, ["/" + ContainerSpec.NameFor(Run)]));
    }

    [Fact]
    public void A_warm_container_taken_by_a_run_is_known_by_its_name()
    {
        var labels = new Dictionary<string, string> { [ContainerLabels.Pool] = "warm", [ContainerLabels.Silo] = "s" };

        Assert.Equal(Run, ContainerSpec.RunIdOf(labels, ["/" + ContainerSpec.NameFor(Run)]));
    }

    [Theory]
    [InlineData("/skriptoteket-warm-0f8fad5bd9cb469fa16570867728950e")]
    [InlineData("/skriptoteket-run-not-a-guid")]
    [InlineData("/other-0f8fad5bd9cb469fa16570867728950e")]
    public void A_warm_container_no_run_took_serves_no_run(string name)
    {
        Assert.Null(ContainerSpec.RunIdOf(new Dictionary<string, string> { [ContainerLabels.Pool] = "warm" }, [name]));
    }
}
