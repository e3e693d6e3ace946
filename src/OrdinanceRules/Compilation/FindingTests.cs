using System.Collections.Immutable;
using OrdinanceRules.Conditions;
using OrdinanceRules.Facts;

namespace OrdinanceRules.Compilation;

/// <summary>
/// What a finding test (<c>violated('P1a', a)</c>) makes of the outcomes of the named provision that a rule collected:
/// the rules decide those outcomes, and this only reads their statuses in Kleene logic.
/// </summary>
internal static class FindingTests
{
    /// <summary>Whether an outcome is about a fact: the fact is one of those its finding binds.</summary>
    public static bool Binds(Outcome outcome, Fact fact) => Array.IndexOf(outcome.Bindings, fact) >= 0;

    /// <summary>
    /// Yes when some collected finding is Violated; otherwise unknown when some is Undetermined, naming what each such
    /// finding is missing; otherwise no (no finding, or none violated).
    /// </summary>
    public static Val Test(IEnumerable<Outcome> outcomes, string provisionId)
    {
        var undetermined = new List<Outcome>();
        foreach (var outcome in outcomes)
        {
            var violates = outcome.Basis.Violates();
            if (violates is true)
            {
                return Val.True;
            }

            if (violates is null)
            {
                undetermined.Add(outcome);
            }
        }

        return undetermined.Count == 0
            ? Val.False
            : Val.Unknown(UnknownCause.Union(undetermined.Select(o => o.Missing.IsEmpty ? [UnknownCause.Because($"the finding of {provisionId} for {About(o)}")] : o.Missing)));
    }

    /// <summary>The findings a verdict rests on, in a stable order: by provision, then by the facts they bind.</summary>
    public static ImmutableArray<Outcome> RestsOn(IEnumerable<Outcome>[] collected) =>
        [.. collected.SelectMany(c => c).Distinct().OrderBy(o => o.Provision.Order).ThenBy(About, StringComparer.Ordinal)];

    /// <summary>The facts an outcome is about, as <c>action a1, request r1</c>.</summary>
    public static string About(Outcome outcome) => string.Join(", ", outcome.Bindings.Select(f => $"{f.Type.Name} {f.Id}"));
}
