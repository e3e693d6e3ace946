using System.Collections.Immutable;

namespace OrdinanceRules.Conditions;

/// <summary>
/// What one evaluation holds fixed: the as-of instant, the alternative chosen for each reading (in the
/// ordinance's order), and the index of the scenario's references. Inserted once per NRules session; only the
/// rules whose conditions read it join it.
/// </summary>
internal sealed class EvaluationContext(DateTimeOffset asOf, ImmutableArray<string> readings, ReferenceIndex index, ImmutableHashSet<string>? openTypes = null)
{
    /// <summary>The types of which the scenario says further facts may exist (its <c>unknown:</c> list).</summary>
    public ImmutableHashSet<string> OpenTypes { get; } = openTypes ?? ImmutableHashSet<string>.Empty;

    public DateTimeOffset AsOf { get; } = asOf;

    public ImmutableArray<string> Readings { get; } = readings;

    public ReferenceIndex Index { get; } = index;
}
