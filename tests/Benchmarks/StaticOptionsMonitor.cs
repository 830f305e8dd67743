using Microsoft.Extensions.Options;
using Skriptoteket.Grains.Execution;

namespace Skriptoteket.Benchmarks;

/// <summary>Settings that never change during a benchmark run.</summary>
internal sealed class StaticOptionsMonitor(ExecutionOptions value) : IOptionsMonitor<ExecutionOptions>
{
    public ExecutionOptions CurrentValue => value;

    public ExecutionOptions Get(string? name) => value;

    public IDisposable? OnChange(Action<ExecutionOptions, string?> listener) => null;
}
