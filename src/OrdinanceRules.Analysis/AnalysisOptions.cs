using System.Collections.Immutable;

namespace OrdinanceRules.Analysis;

/// <summary>How far an analysis looks, and how long the solver may take.</summary>
/// <remarks>
/// The analysis searches scenarios of a bounded shape: up to <see cref="FactsPerType"/> facts of each type that a
/// provision's conditions reach, in a closed world (no <c>unknown:</c> types). "Never" in a finding means "in no
/// scenario of that shape".
/// </remarks>
public sealed record AnalysisOptions
{
    private readonly int _factsPerType = 2;
    private readonly TimeSpan _timeout = TimeSpan.FromSeconds(10);
    private readonly int _workers = 1;

    /// <summary>The defaults: two facts per type, ten seconds and one worker per solver call, the default readings.</summary>
    public static AnalysisOptions Default { get; } = new();

    /// <summary>The most facts of one type a searched scenario holds (1 to 4; default 2).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 1 to 4.</exception>
    public int FactsPerType
    {
        get => _factsPerType;
        init => _factsPerType = value is >= 1 and <= 4 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Facts per type must be 1 to 4.");
    }

    /// <summary>The time limit of each solver call (default ten seconds); a call that reaches it is reported as undecided.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public TimeSpan Timeout
    {
        get => _timeout;
        init => _timeout = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The timeout must be positive.");
    }

    /// <summary>The solver's worker threads per call (default 1).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int Workers
    {
        get => _workers;
        init => _workers = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "At least one worker.");
    }

    /// <summary>The alternative taken for each reading, by name; a reading not named takes its default.</summary>
    public ImmutableDictionary<string, string> Readings { get; init; } = ImmutableDictionary<string, string>.Empty;
}
