using System.Collections.Immutable;

namespace OrdinanceRules.Conditions;

/// <summary>
/// What one evaluation holds fixed: the as-of instant, the alternative chosen for each reading (in the
/// ordinance's order), and the index of the scenario's references. Inserted once per NRules session; only the
/// rules whose conditions read it join it.
/// </summary>
internal sealed class EvaluationContext(DateTimeOffset asOf, ImmutableArray<string> readings, ReferenceIndex index)
{
    public DateTimeOffset AsOf { get; } = asOf;

    public ImmutableArray<string> Readings { get; } = readings;

    public ReferenceIndex Index { get; } = index;
}
