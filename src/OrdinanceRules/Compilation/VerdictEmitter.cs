using System.Linq.Expressions;
using OrdinanceRules.Conditions;
using OrdinanceRules.Model;
using static OrdinanceRules.Compilation.Patterns;
using static OrdinanceRules.Compilation.RuleSetBuilder;

namespace OrdinanceRules.Compilation;

/// <summary>
/// The verdict family: the rule that evaluates a provision's match, in force, applies-when and (for a breach tested
/// on the subject alone) violated-when once per subject into a <see cref="Verdict"/>, and the rules that branch on its
/// fields with alpha tests (no match, unknown existence, not in force, not applicable, their unknowns, and the breach
/// tested on the subject alone).
/// </summary>
internal sealed class VerdictEmitter(RuleSetBuilder rules)
{
    /// <summary>The verdict and the outcomes decided before the provision's breach or duty is weighed.</summary>
    /// <param name="node">The provision.</param>
    /// <param name="withClaims">Whether the provision's breach (or duty) is claimed, so exceptions can bear on it.</param>
    public void Emit(ProvisionNode node, bool withClaims)
    {
        var types = node.SubjectFrame.SelectMany(v => v.TypeNames).Distinct(StringComparer.Ordinal).ToList();

        // Each combination of facts that the match does not rule out gets one verdict: every stage evaluated once.
        EmitVerdict(node);
        if (node.Match is not null)
        {
            // Whether the facts belong together is unknown (an unknown reference): say so, naming it.
            rules.VerdictRule(node, "match-unknown", OutcomePriority, v => Test(nameof(Ops.IsUnknown), v, nameof(Verdict.Match)),
                v => Call(nameof(RuleActions.ConcludeUnknown), Const(node), Const(Basis.MatchUnknown), v, Expression.Property(v, nameof(Verdict.Match))));
        }

        // No combination of facts matches at all: one NotApplicable finding.
        {
            var rule = NewRule(node, "no-match", OutcomePriority);
            var lhs = RootLhs(rule);
            var verdict = lhs.Group.Not().Pattern(typeof(Verdict), "verdict");
            var v = Expression.Parameter(typeof(Verdict), "verdict");
            verdict.Condition(Expression.Lambda(Expression.Equal(Expression.Property(v, nameof(Verdict.Node)), Expression.Constant(node)), v));
            NoExistenceDoubt(lhs, types, "existence");
            Act(rule, Call(nameof(RuleActions.Conclude), Const(node), Const(Basis.NoMatch), Expression.Constant(null, typeof(Verdict))));
            rules.Add(rule);
        }

        // The scenario says further facts of a bound type may exist.
        foreach (var type in types)
        {
            var rule = NewRule(node, $"existence-{type}", OutcomePriority);
            var existence = rule.LeftHandSide().Pattern(typeof(UnknownExistence), "existence");
            var p = Expression.Parameter(typeof(UnknownExistence), "existence");
            existence.Condition(Expression.Lambda(Expression.Equal(Expression.Property(p, nameof(UnknownExistence.Type)), Expression.Constant(type)), p));
            Act(rule, Call(nameof(RuleActions.ConcludeUnknownExistence), Const(node), Const(type)));
            rules.Add(rule);
        }

        // The law in force at the event's time: not yet (or no longer) in force, or unknown.
        if (node.Period is not null)
        {
            rules.VerdictRule(node, "not-in-force", OutcomePriority, v => Stages(v, (nameof(Verdict.Match), nameof(Ops.IsTrue)), (nameof(Verdict.InForce), nameof(Ops.IsFalse))),
                v => Call(nameof(RuleActions.ConcludeNotInForce), Const(node), v));
            // A provisional verdict (unknown whether in force, but as written if it was) is weighed by its claim instead, or,
            // with nothing to claim against, by violated-when: undetermined here only when the breach is not ruled out.
            Expression Weighed(ParameterExpression v) => !node.WeighsUnknownTimeOfLaw ? Expression.Constant(false)
                : withClaims || node.Model.Modality == Modality.Obligation ? Expression.Property(v, nameof(Verdict.Provisional))
                : Expression.AndAlso(Expression.Property(v, nameof(Verdict.Provisional)), Test(nameof(Ops.IsFalse), v, nameof(Verdict.Violated)));
            rules.VerdictRule(node, "in-force-unknown", OutcomePriority, v => Expression.AndAlso(Stages(v,
                    (nameof(Verdict.Match), nameof(Ops.IsTrue)), (nameof(Verdict.InForce), nameof(Ops.IsUnknown)), (nameof(Verdict.Applies), nameof(Ops.IsNotFalse))),
                    Expression.Not(Weighed(v))),
                v => Call(nameof(RuleActions.ConcludeUnknown), Const(node), Const(Basis.InForceUnknown), v, Expression.Property(v, nameof(Verdict.InForce))));
        }

        // applies-when false or unknown.
        if (node.HasScope)
        {
            rules.VerdictRule(node, "not-applicable", OutcomePriority, v => Stages(v,
                    (nameof(Verdict.Match), nameof(Ops.IsTrue)), (nameof(Verdict.InForce), nameof(Ops.IsNotFalse)), (nameof(Verdict.Applies), nameof(Ops.IsFalse))),
                v => Call(nameof(RuleActions.Conclude), Const(node), Const(Basis.Scope), v));
            rules.VerdictRule(node, "scope-unknown", OutcomePriority, v => Stages(v,
                    (nameof(Verdict.Match), nameof(Ops.IsTrue)), (nameof(Verdict.InForce), nameof(Ops.IsTrue)), (nameof(Verdict.Applies), nameof(Ops.IsUnknown))),
                v => Call(nameof(RuleActions.ConcludeUnknown), Const(node), Const(Basis.ScopeUnknown), v, Expression.Property(v, nameof(Verdict.Applies))));
        }
    }

    /// <summary>
    /// A breach tested on the subject alone: complied, or a claim (tentative where the time of law or the breach is
    /// unknown) when something can bear on it; otherwise violated or undetermined straight from the verdict.
    /// </summary>
    public void EmitBreach(ProvisionNode node, bool withClaims)
    {
        Expression Violated(ParameterExpression v, string test) => Expression.AndAlso(Engaged(v), Test(test, v, nameof(Verdict.Violated)));
        var bindings = (ParameterExpression v) => Expression.Property(v, nameof(Verdict.Bindings));
        // Not breached: complied, also where whether the law was in force is unknown (not breached at any time).
        rules.VerdictRule(node, "complied", OutcomePriority, v => Expression.AndAlso(Expression.OrElse(Engaged(v), Provisional(v)), Test(nameof(Ops.IsFalse), v, nameof(Verdict.Violated))),
            v => Call(nameof(RuleActions.Conclude), Const(node), Const(Basis.NoBreach), v));
        if (withClaims && node.WeighsUnknownTimeOfLaw)
        {
            // Breached, or perhaps, but whether the law was in force is unknown: a tentative claim naming the time of law
            // (and the breach's own unknowns), against which the exceptions are still weighed.
            rules.VerdictRule(node, "breach-provisional", 0, v => Expression.AndAlso(Provisional(v), Test(nameof(Ops.IsNotFalse), v, nameof(Verdict.Violated))),
                v => Call(nameof(RuleActions.TentativeClaim), Const<RuleNode>(node), Expression.Constant(null, typeof(Claim)), v, bindings(v),
                    Expression.Call(OpsMethod(nameof(Ops.And)), Expression.Property(v, nameof(Verdict.InForce)), Expression.Property(v, nameof(Verdict.Violated)))));
        }

        if (withClaims)
        {
            rules.VerdictRule(node, "breach", 0, v => Violated(v, nameof(Ops.IsTrue)),
                v => Call(nameof(RuleActions.Claim), Const<RuleNode>(node), Expression.Constant(null, typeof(Claim)), v, bindings(v)));
            rules.VerdictRule(node, "breach-unknown", 0, v => Violated(v, nameof(Ops.IsUnknown)),
                v => Call(nameof(RuleActions.TentativeClaim), Const<RuleNode>(node), Expression.Constant(null, typeof(Claim)), v, bindings(v), Expression.Property(v, nameof(Verdict.Violated))));
        }
        else
        {
            // No exception can bear on the breach: the verdict concludes, with no claim to stand or be unsettled.
            rules.VerdictRule(node, "violated", OutcomePriority, v => Violated(v, nameof(Ops.IsTrue)),
                v => Call(nameof(RuleActions.ConcludeBreach), Const(node), v));
            rules.VerdictRule(node, "unsettled", OutcomePriority, v => Violated(v, nameof(Ops.IsUnknown)),
                v => Call(nameof(RuleActions.ConcludeBreachUnknown), Const(node), v));
        }
    }

    /// <summary>
    /// The verdict rule: the provision's subject facts, joined by its match (a combination the match rules out makes
    /// no verdict), then one NRules binding per stage, each evaluated only when the stage before it is yes (otherwise
    /// absent): the event's time and the reading that assumes the law in force, in force, applies-when and, for a
    /// breach tested on the subject alone, violated-when. Its action inserts the <see cref="Verdict"/>.
    /// </summary>
    private void EmitVerdict(ProvisionNode node)
    {
        var rule = NewRule(node, "verdict", 0);
        var lhs = RootLhs(rule);
        var scope = rules.OwnPatterns(lhs, node, node.SubjectFrame, node.Match, [], (node, "subject"), []);
        ConditionSource?[] conditions =
            [node.Match, node.AppliesWhen, node.ViolationFrame.IsEmpty ? node.ViolatedWhen : null,
             .. node.Versions.SelectMany(v => new[] { v.AppliesWhen, node.ViolationFrame.IsEmpty ? v.ViolatedWhen : null })];
        var (environment, findings) = rules.Findings.With(lhs, node, scope, conditions);
        rules.CountMembers((node, "subject"), conditions);
        Expression match = Expression.Constant(Val.True);
        if (node.Match is not null)
        {
            var bound = node.Match.Bind(environment, scope, ConditionType.YesNo, null);
            if (bound is null)
            {
                return;
            }

            match = lhs.Let("match", bound);
            AddCondition(lhs.Last!, Expression.Call(OpsMethod(nameof(Ops.IsNotFalse)), match));
        }

        Expression absent = Expression.Constant(Val.Absent);
        Expression After(Expression before, string name, Expression value, string test = nameof(Ops.IsTrue)) =>
            lhs.Let(name, Expression.Condition(Expression.Call(OpsMethod(test), before), value, absent));

        Expression eventTime = absent, assume = absent, inForce = match;
        if (node.Period is not null)
        {
            eventTime = After(match, "eventTime", EventTime(node, scope));
            assume = After(match, "assumeInForce", AssumeInForce(node));
            inForce = After(match, "inForce", Expression.Call(Expression.Constant(node.Period), nameof(LawPeriod.Check), null, eventTime, assume));
        }

        // applies-when is evaluated also when whether the law was in force is unknown: no and unknown is no, so a
        // provision that cannot reach the subject is not applicable whatever the time of law.
        // With versions, each condition is the one of the version in force at the event's time.
        Expression Bound(ConditionSource source) => source.Bind(environment, scope, ConditionType.YesNo, null)!;
        var applies = !node.HasScope ? inForce
            : After(inForce, "applies", ProvisionVersions.Select(node, eventTime, v => v.AppliesWhen, node.AppliesWhen, Bound), node.Period is null ? nameof(Ops.IsTrue) : nameof(Ops.IsNotFalse));
        // A breach is weighed also where whether the law was in force is unknown but, if it was, as written (a provisional
        // verdict): an exception that holds whatever the time, or a breach that did not occur, then settles the outcome.
        var weighed = node.WeighsUnknownTimeOfLaw
            ? Expression.Call(Expression.Constant(node.Period), nameof(LawPeriod.Weighed), null, inForce, eventTime, assume)
            : inForce;
        var engaged = node.Period is not null && node.HasScope ? Expression.Call(OpsMethod(nameof(Ops.And)), weighed, applies) : node.HasScope ? applies : weighed;
        var violated = node.Model.Modality != Modality.Obligation && node.ViolationFrame.IsEmpty
            ? After(engaged, "violated", ProvisionVersions.Select(node, eventTime, v => v.ViolatedWhen, node.ViolatedWhen, Bound))
            : absent;
        Expression Own(Expression stage, bool has) => has ? stage : Expression.Constant(Val.True);
        Act(rule, FindingsAsFacts.VerdictAction(findings, Const(node), FrameArray(scope), match, eventTime, assume,
            Own(inForce, node.Period is not null), Own(applies, node.HasScope), violated));
        rules.Add(rule);
    }

    private static Expression EventTime(ProvisionNode node, IReadOnlyList<ScopeVariable> scope) =>
        node.EventTime!.Bind(node.Provision.Environment, scope, ConditionType.Instant, null)!;

    private static Expression AssumeInForce(ProvisionNode node) =>
        node.AssumeInForce?.Bind(node.Provision.Environment, [], ConditionType.YesNo, null) ?? Expression.Constant(Val.False);
}
