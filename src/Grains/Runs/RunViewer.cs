using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Grains.Runs;

/// <summary>A subscribed page and whose eyes it shows the run to (what it may see of the logs).</summary>
internal sealed record RunViewer(IRunObserver Observer, ActingUser User);
