using System.Collections.Immutable;

namespace OrdinanceRules.Conditions;

/// <summary>
/// What one evaluation holds fixed: the as-of instant, the alternative chosen for each reading (in the
/// ordinance's order), the index of the scenario's references, and whether any of its facts has a value that can read
/// as unknown. Inserted once per NRules session; only the rules whose conditions read it join it.
/// </summary>
internal sealed class EvaluationContext(DateTimeOffset asOf, ImmutableArray<string> readings, ReferenceIndex index, ImmutableHashSet<string>? openTypes = null, bool anyUnknownValue = true)
{
    /// <summary>The types of which the scenario says further facts may exist (its <c>unknown:</c> list).</summary>
    public ImmutableHashSet<string> OpenTypes { get; } = openTypes ?? ImmutableHashSet<string>.Empty;

    /// <summary>
    /// Whether some fact of the session has a field that can read as unknown, or the scenario leaves a type open; when
    /// not, no condition over facts alone comes out unknown, and the rules that look for such combinations skip the
    /// search (<see cref="Compilation.Candidates.Test"/>).
    /// </summary>
    public bool AnyUnknownValue { get; } = anyUnknownValue;

    public DateTimeOffset AsOf { get; } = asOf;

    public ImmutableArray<string> Readings { get; } = readings;

    public ReferenceIndex Index { get; } = index;
}
