using System.Collections.Immutable;
using OrdinanceRules.Diagnostics;

namespace OrdinanceRules.Suites;

/// <summary>
/// What a case expects of the findings of one provision: the status, and optionally the exceptions that
/// applied, the unknowns named and the due instant. Each finding it selects must match.
/// </summary>
/// <remarks>
/// An expectation selects the provision's findings that bind every fact in <see cref="Facts"/> (by the
/// provision's variable); with no facts it selects all the provision's findings. It fails when it
/// selects none. A property left null is not checked.
/// </remarks>
public sealed record ExpectedFinding
{
    /// <summary>The provision's id, such as <c>P2</c>.</summary>
    public required string ProvisionId { get; init; }

    /// <summary>The expected status.</summary>
    public required FindingStatus Status { get; init; }

    /// <summary>The facts, by variable, that pick the findings this expectation is about; empty for all.</summary>
    public ImmutableDictionary<string, string> Facts { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The ids of exactly the exceptions that applied, in any order; null not to check them.</summary>
    public ImmutableArray<string>? Exceptions { get; init; }

    /// <summary>Exactly the unknowns named, as reports write them (<c>threat t-1: specificity</c>), in any order; null not to check them.</summary>
    public ImmutableArray<string>? Unknowns { get; init; }

    /// <summary>The due instant; null not to check it.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>Where the expectation was written.</summary>
    public SourceLocation? Location { get; init; }
}
