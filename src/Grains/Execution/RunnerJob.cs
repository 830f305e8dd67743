namespace Skriptoteket.Grains.Execution;

/// <summary>Everything one container run needs: the script, its inputs and the wrapper's timeout.</summary>
internal sealed record RunnerJob(
    Guid RunId,
    string Source,
    string Entrypoint,
    IReadOnlyList<RunnerInput> Inputs,
    int TimeoutSeconds);

/// <summary>One input file, already given a safe name.</summary>
internal sealed record RunnerInput(string Name, byte[] Content);
