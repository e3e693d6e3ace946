using System.Linq.Expressions;
using OrdinanceRules.Conditions;
using static OrdinanceRules.Compilation.RuleSetBuilder;

namespace OrdinanceRules.Compilation;

/// <summary>
/// Findings as facts: a condition that tests another provision's finding (<c>violated('P1a', a)</c>) reads that
/// provision's <see cref="Outcome"/>s, which are linked conclusions in working memory. The rule that evaluates the
/// condition collects them with an NRules aggregate (<c>Collect</c>), joined to its own facts, so NRules forward-chains:
/// when an outcome of P1a is inserted, replaced or retracted (an exception defeats its breach), the collection changes,
/// the rule fires again on it and what it concluded before is retracted with it. A quantifier (<c>every</c>, <c>some</c>,
/// <c>count</c>) is collected the same way: the facts of its type, weighed per subject by its where-clause.
/// </summary>
internal sealed class FindingsAsFacts(IEnumerable<ProvisionNode> provisions)
{
    private readonly Dictionary<string, ProvisionNode> _provisions = provisions.ToDictionary(n => n.Id, StringComparer.Ordinal);

    /// <summary>The rules' left-hand sides to which <see cref="With"/> added an aggregate.</summary>
    private readonly HashSet<Lhs> _aggregated = [];

    /// <summary>
    /// For each finding test of the conditions, NRules' <c>Collect</c> of the named provision's outcomes that bind the
    /// facts the test names, added to the rule; and the environment in which the conditions bind each test to its
    /// collection (<see cref="FindingTests.Test"/>). A rule with no finding test is left as it was.
    /// </summary>
    public (BindingEnvironment Environment, List<ParameterExpression> Collected) With(Lhs lhs, ProvisionNode node, IReadOnlyList<ScopeVariable> scope, params ConditionSource?[] conditions)
    {
        var collected = new List<ParameterExpression>();
        var references = conditions.Where(c => c is not null).SelectMany(c => c!.FindingReferences).ToList();
        var quantifiers = conditions.Where(c => c is not null).SelectMany(c => c!.Quantifiers).ToList();
        if (references.Count == 0 && quantifiers.Count == 0)
        {
            return (node.Provision.Environment, collected);
        }

        _aggregated.Add(lhs);
        var collections = new Dictionary<CallExpr, Expression>(ReferenceEqualityComparer.Instance);
        foreach (var quantifier in quantifiers)
        {
            // every / some / count: NRules' Collect of the facts of the quantifier's type; its where-clause is weighed per subject.
            var name = $"members{collections.Count}";
            var pattern = lhs.Pattern(typeof(IEnumerable<Facts.Fact>), name);
            var aggregate = pattern.Aggregate();
            aggregate.Collect();
            var item = aggregate.Pattern(typeof(Facts.Fact), name + "Item");
            var f = Expression.Parameter(typeof(Facts.Fact), name + "Item");
            item.Condition(Expression.Lambda(Expression.Equal(Expression.Property(Expression.Property(f, nameof(Facts.Fact.Type)), nameof(Vocabulary.FactType.Name)), Expression.Constant(quantifier.Type)), f));
            collections[quantifier.Call] = Expression.Parameter(typeof(IEnumerable<Facts.Fact>), name);
        }

        var values = new Dictionary<CallExpr, Expression>(ReferenceEqualityComparer.Instance);
        foreach (var reference in references)
        {
            var name = $"finding{collected.Count}";
            var target = _provisions[reference.ProvisionId];
            var pattern = lhs.Pattern(typeof(IEnumerable<Outcome>), name);
            var aggregate = pattern.Aggregate();
            aggregate.Collect();
            var itemName = name + "Item";
            var item = aggregate.Pattern(typeof(Outcome), itemName);
            var o = Expression.Parameter(typeof(Outcome), itemName);
            item.Condition(Expression.Lambda(Expression.Equal(Expression.Property(o, nameof(Outcome.Provision)), Expression.Constant(target)), o));
            foreach (var variable in reference.Variables)
            {
                var fact = scope.First(v => v.Name == variable).Fact;
                var binds = Expression.Call(typeof(FindingTests).GetMethod(nameof(FindingTests.Binds))!, o, fact);
                item.Condition(Expression.Lambda(binds, ParameterCollector.Collect(binds)));
            }

            var collection = Expression.Parameter(typeof(IEnumerable<Outcome>), name);
            collected.Add(collection);
            values[reference.Call] = Expression.Call(typeof(FindingTests).GetMethod(nameof(FindingTests.Test))!, collection, Expression.Constant(reference.ProvisionId));
        }

        return (node.Provision.Environment with { Findings = values, Collections = collections }, collected);
    }

    /// <summary>
    /// A condition's value, as a binding of its own when the rule collected findings for it, so the test that follows
    /// joins onto the binding rather than onto the last collection.
    /// </summary>
    public Expression Settled(Lhs lhs, Expression value, List<ParameterExpression> collected) =>
        collected.Count == 0 && !_aggregated.Contains(lhs) ? value : lhs.Let("tested", value);

    /// <summary>The verdict's action, with the findings it rests on when its conditions test some.</summary>
    public static Expression VerdictAction(List<ParameterExpression> collected, params Expression[] arguments) =>
        collected.Count == 0
            ? Call(nameof(RuleActions.Verdict), arguments)
            : Call(nameof(RuleActions.DerivedVerdict), [.. arguments, Expression.NewArrayInit(typeof(IEnumerable<Outcome>), collected)]);
}
