using Skriptoteket.Grains.Execution;

namespace Skriptoteket.Unit.Tests.Runs;

/// <summary>How the warm pool shares its slots among the import profiles its recent runs asked for.</summary>
public sealed class WarmPoolDemandTests
{
    private static readonly ImportProfile Pandas = ImportProfile.OfPackages("pandas");

    [Fact]
    public void Before_any_run_every_slot_is_full()
    {
        Assert.Equal([(ImportProfile.Full, 3)], new WarmPoolDemand().Plan(3));
    }

    [Fact]
    public void Slots_follow_demand_in_proportion_largest_first_and_add_up()
    {
        var demand = new WarmPoolDemand();
        Record(demand, Pandas, 6);
        Record(demand, ImportProfile.Plain, 12);
        Record(demand, ImportProfile.Full, 2);

        // Shares 2.4, 1.2 and 0.4: the slot left goes to the largest remainder, the tie to the larger demand.
        Assert.Equal([(ImportProfile.Plain, 3), (Pandas, 1)], demand.Plan(4));
        Assert.Equal([(ImportProfile.Plain, 6), (Pandas, 3), (ImportProfile.Full, 1)], demand.Plan(10));
        Assert.Equal([(ImportProfile.Plain, 1)], demand.Plan(1));
        Assert.Empty(demand.Plan(0));
    }

    [Fact]
    public void Only_the_last_takes_count()
    {
        var demand = new WarmPoolDemand();
        Record(demand, Pandas, 100);
        Record(demand, ImportProfile.Plain, WarmPoolDemand.Remembered);

        Assert.Equal([(ImportProfile.Plain, 2)], demand.Plan(2));
    }

    [Fact]
    public void An_even_split_gives_each_profile_a_slot()
    {
        var demand = new WarmPoolDemand();
        Record(demand, Pandas, 1);
        Record(demand, ImportProfile.Plain, 1);

        Assert.Equal([(ImportProfile.Plain, 1), (Pandas, 1)], demand.Plan(2));
    }

    private static void Record(WarmPoolDemand demand, ImportProfile profile, int times)
    {
        for (var i = 0; i < times; i++)
        {
            demand.Record(profile);
        }
    }
}
