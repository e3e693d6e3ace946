using System.Collections.Immutable;

namespace OrdinanceRules.Conditions;

/// <summary>
/// What one evaluation holds fixed: the as-of instant and the alternative chosen for each reading (in the
/// ordinance's order). Inserted once per NRules session; every rule joins it, so conditions can read it.
/// </summary>
internal sealed class EvaluationContext(DateTimeOffset asOf, ImmutableArray<string> readings)
{
    public DateTimeOffset AsOf { get; } = asOf;

    public ImmutableArray<string> Readings { get; } = readings;
}
