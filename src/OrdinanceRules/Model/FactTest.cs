using System.Collections.Immutable;

namespace OrdinanceRules.Model;

/// <summary>
/// A test that may look at further facts: it holds when some combination of facts bound by
/// <see cref="For"/> satisfies <see cref="When"/> (for example "a crime in progress connected to the
/// operation"). With no bindings, it is just the condition.
/// </summary>
/// <remarks>
/// Three-valued: true when some combination makes the condition true; unknown when none does but some
/// makes it unknown, or the scenario says further facts of a bound type may exist; false otherwise.
/// </remarks>
/// <param name="For">The further facts, each bound to a variable.</param>
/// <param name="When">The condition over them and the variables in scope.</param>
public sealed record FactTest(ImmutableArray<Binding> For, ConditionText When)
{
    /// <summary>A test with no further facts.</summary>
    /// <param name="when">The condition.</param>
    /// <returns>The test.</returns>
    public static FactTest Of(ConditionText when) => new([], when);
}
