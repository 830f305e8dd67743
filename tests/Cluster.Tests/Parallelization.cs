// Each test starts a whole cluster (four hosts) on a 2-core machine: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
