using System.Globalization;
using NRules;
using NRules.RuleModel;
using OrdinanceRules.Compilation;
using OrdinanceRules.Conditions;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Facts;
using OrdinanceRules.Model;

namespace OrdinanceRules.Evaluation;

/// <summary>
/// Keeps an evaluation within its budgets (<see cref="Limits"/>) and turns whatever goes wrong inside a rule into
/// a located diagnostic naming the provision and the facts: a value out of range is the scenario's problem
/// (<see cref="DiagnosticCodes.EvaluationOverflow"/>); anything else is a fault of the library
/// (<see cref="DiagnosticCodes.InternalError"/>). Never the engine's own message, which holds expression trees.
/// </summary>
internal sealed class EvaluationGuard
{
    private readonly IReadOnlyList<Ordinance> _laws;
    private readonly ILookup<string, JoinPlan> _joins;
    private readonly IReadOnlyList<RecurringPeriods> _recurrences;
    private (IEnumerable<IRuleDefinition> Rules, IEnumerable<IFact> Facts)? _failure;

    public EvaluationGuard(IReadOnlyList<Ordinance> laws, IEnumerable<JoinPlan> joins, IReadOnlyList<RecurringPeriods>? recurrences = null)
    {
        _laws = laws;
        _recurrences = recurrences ?? [];
        _joins = joins.ToLookup(j => j.ProvisionId, StringComparer.Ordinal);
    }

    /// <summary>The problems that keep a scenario from being evaluated at all: an as-of out of range, a budget exceeded.</summary>
    public IEnumerable<Diagnostic> Check(Scenario scenario, DateTimeOffset asOf, int ruleCount)
    {
        var where = scenario.Location;
        if (!Limits.InRange(asOf))
        {
            yield return new Diagnostic(DiagnosticCodes.ValueOutOfRange, $"the as-of instant {FactValue.Format(asOf)} is out of range: the allowed {Limits.InstantRange}", where);
        }

        // The periods of recurring duties are facts of the evaluation too, generated from the as-of instant.
        var periods = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var recurrence in _recurrences)
        {
            var count = recurrence.Count(asOf);
            if (count > Limits.MaxRecurringPeriods)
            {
                yield return recurrence.TooMany(asOf, where);
                yield break;
            }

            periods[recurrence.Provision.Id] = count;
        }

        var facts = scenario.Facts.Length + periods.Values.Sum();
        var work = facts * ruleCount;
        if (work > Limits.MaxEvaluationWork)
        {
            yield return new Diagnostic(DiagnosticCodes.EvaluationBudget, $"evaluating {facts:N0} facts against {ruleCount:N0} rules is {work:N0} units of work; the budget is {Limits.MaxEvaluationWork:N0} (facts × rules): split the scenario", where);
        }

        var scenarioCounts = scenario.Facts.GroupBy(f => f.Type.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
        foreach (var law in _laws)
        {
            foreach (var provision in law.Provisions)
            {
                var counts = scenarioCounts;
                if (provision.Recurs is { } recurs && periods.TryGetValue(provision.Id, out var own))
                {
                    // The provision's own periods, beside any scenario facts of a vocabulary type with the same name.
                    counts = new Dictionary<string, long>(scenarioCounts, StringComparer.Ordinal);
                    var word = RecurringPeriods.Word(recurs.Every);
                    counts[word] = counts.GetValueOrDefault(word) + own;
                }

                // The joins the network makes: a variable found by following a reference reaches the facts that
                // reference (or are referenced by) the tuple, so it does not multiply the combinations.
                foreach (var join in _joins[provision.Id])
                {
                    var combinations = Combinations(join.Steps, counts);
                    if (combinations > Limits.MaxCombinations)
                    {
                        var product = string.Join(" × ", join.Steps.Select(s => s.Followed ? $"{s.Type} by reference" : $"{s.Types.Sum(t => counts.GetValueOrDefault(t)):N0} {s.Type}"));
                        yield return new Diagnostic(
                            DiagnosticCodes.EvaluationBudget,
                            $"provision {provision.Id} would consider {(combinations == long.MaxValue ? "more than 9 quintillion" : combinations.ToString("N0", CultureInfo.InvariantCulture))} combinations of facts ({product}); the limit is {Limits.MaxCombinations:N0}: split the scenario, or narrow the provision's 'for'",
                            where ?? provision.Location);
                        break;
                    }
                }
            }
        }
    }

    /// <summary>Listens for the first failed expression of a session, to name its provision and facts.</summary>
    public void Attach(ISession session)
    {
        var events = session.Events;
        events.LhsExpressionFailedEvent += (_, e) => _failure ??= (e.Rules, e.Facts ?? []);
        events.AgendaExpressionFailedEvent += (_, e) => _failure ??= ([e.Rule], e.Facts ?? []);
        events.RhsExpressionFailedEvent += (_, e) => _failure ??= ([e.Match.Rule], e.Match.Facts);
    }

    /// <summary>The diagnostic for an exception thrown while a session ran.</summary>
    public Diagnostic Describe(Exception exception, Scenario scenario)
    {
        var cause = exception;
        while (cause is RuleExecutionException { InnerException: { } inner })
        {
            cause = inner;
        }

        var provisionId = _failure?.Rules.SelectMany(r => r.Tags).FirstOrDefault();
        var provision = _laws.SelectMany(l => l.Provisions).FirstOrDefault(p => p.Id == provisionId);
        var involved = (_failure?.Facts.Select(f => f.Value) ?? []).SelectMany(ScenarioFacts).Distinct().ToList();
        var facts = involved.Select(f => $"{f.Type.Name} {f.Id}").ToList();
        var on = (provision is null ? "while evaluating" : $"while evaluating provision {provision.Id}")
            + (facts.Count == 0 ? string.Empty : $" on {string.Join(", ", facts)}");
        var where = involved.Select(f => f.Location).FirstOrDefault(l => l is not null) ?? scenario.Location ?? provision?.Location;
        return cause is ValueOverflowException overflow
            ? new Diagnostic(DiagnosticCodes.EvaluationOverflow, $"{on}: {Echo.Clean(overflow.Message)}; the allowed {Limits.InstantRange}, {Limits.NumberRange}", where)
            : Internal(cause, where, on);
    }

    /// <summary>The scenario's facts in a match: a fact itself, or those a conclusion of the rules binds.</summary>
    private static IEnumerable<Fact> ScenarioFacts(object? value) => value switch
    {
        Fact fact => [fact],
        Compilation.Verdict verdict => verdict.Bindings,
        Compilation.Claim claim => claim.Bindings,
        Compilation.Discharge discharge => discharge.Bindings,
        _ => [],
    };

    /// <summary>A fault of the library itself, named by its type only, asking for a report.</summary>
    public static Diagnostic Internal(Exception exception, SourceLocation? where, string during) =>
        new(DiagnosticCodes.InternalError, $"{during}: the library failed ({exception.GetType().Name}); this is a bug, please report it with the input that caused it", where);

    private static long Combinations(IEnumerable<JoinStep> steps, Dictionary<string, long> counts)
    {
        long product = 1;
        foreach (var step in steps.Where(s => !s.Followed))
        {
            var n = Math.Max(1, step.Types.Sum(t => counts.GetValueOrDefault(t)));
            product = product > long.MaxValue / n ? long.MaxValue : product * n;
        }

        return product;
    }
}
