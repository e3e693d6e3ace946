using System.Linq.Expressions;
using OrdinanceRules.Conditions;
using static OrdinanceRules.Compilation.Patterns;
using static OrdinanceRules.Compilation.RuleSetBuilder;

namespace OrdinanceRules.Compilation;

/// <summary>
/// The duty family: an obligation's duty claimed from its engaged (or provisional) verdict, its discharge by a fulfilling
/// fact in time, and its outcomes: complied, pending, violated once the deadline passed, or undetermined.
/// </summary>
internal sealed class DutyEmitter(RuleSetBuilder rules)
{
    /// <summary>The duty's claims from the verdict, then its discharge and outcomes.</summary>
    public void Emit(ProvisionNode node)
    {
        rules.VerdictRule(node, "duty", 0, Engaged,
            v => Call(nameof(RuleActions.Claim), Const<RuleNode>(node), Expression.Constant(null, typeof(Claim)), v, Expression.Property(v, nameof(Verdict.Bindings))));
        if (node.WeighsUnknownTimeOfLaw)
        {
            // Whether the law was in force is unknown, as written if it was: the duty is claimed tentatively, naming why.
            rules.VerdictRule(node, "duty-provisional", 0, Provisional,
                v => Call(nameof(RuleActions.TentativeClaim), Const<RuleNode>(node), Expression.Constant(null, typeof(Claim)), v, Expression.Property(v, nameof(Verdict.Bindings)), Expression.Property(v, nameof(Verdict.InForce))));
        }

        EmitDischarge(node);
    }

    private void EmitDischarge(ProvisionNode node)
    {
        var asOf = Expression.Call(OpsMethod(nameof(Ops.AsOf)), BindingEnvironment.ContextParameter);
        if (node.Model.Duty is null)
        {
            return;
        }

        Expression Due(IReadOnlyList<ScopeVariable> scope)
        {
            if (node.DeadlineDue is not null)
            {
                var due = node.DeadlineDue.Bind(node.Provision.Environment, scope, ConditionType.Instant, null)!;
                return Expression.Call(OpsMethod(nameof(Ops.Stated)), due, Expression.Constant($"the due instant ({node.DeadlineDue.Text.Text.Trim()}) needs a value that is not stated"));
            }

            if (node.DeadlineFrom is null)
            {
                return Expression.Constant(Val.Absent);
            }

            var from = node.DeadlineFrom.Bind(node.Provision.Environment, scope, ConditionType.Instant, null)!;
            var stated = Expression.Call(OpsMethod(nameof(Ops.Stated)), from, Expression.Constant($"the deadline's anchor ({node.DeadlineFrom.Text.Text.Trim()}) is not stated"));
            return Expression.Call(Expression.Constant(node.Calculator), nameof(DeadlineCalculator.Due), null, stated);
        }

        // An exception that lapsed revives the duty: the deadline runs afresh from the lapse (the latest one).
        var lapsing = node.Children.Any(c => c.LapseAt is not null);
        var withLapses = lapsing ? FileKinds.Lapsed : FileKinds.None;
        Expression Lapses(ParameterExpression file) => lapsing
            ? FileCall(nameof(Files.Lapses), file)
            : Expression.Constant(Array.Empty<Lapsed>(), typeof(IEnumerable<Lapsed>));
        Expression DueAfter(IReadOnlyList<ScopeVariable> scope, Expression lapses) =>
            lapsing ? Expression.Call(typeof(RuleActions).GetMethod(nameof(RuleActions.DueAfterLapses))!, Due(scope), lapses) : Due(scope);

        // Whether the due instant itself is on time: yes unless the deadline's 'inclusive' says otherwise.
        Expression Inclusive(IReadOnlyList<ScopeVariable> scope) =>
            node.DeadlineInclusive?.Bind(node.Provision.Environment, scope, ConditionType.YesNo, null) ?? Expression.Constant(Val.True);

        Expression Compare(Expression a, Expression b, int op) => Expression.Call(OpsMethod(nameof(Ops.Compare)), a, b, Expression.Constant(op));
        Expression Le(Expression a, Expression b) => Compare(a, b, 1);
        Expression And(Expression a, Expression b) => Expression.Call(OpsMethod(nameof(Ops.And)), a, b);
        Expression If(Expression test, Expression then, Expression otherwise) => Expression.Call(OpsMethod(nameof(Ops.If)), test, then, otherwise);

        // On time: at <= due when inclusive, at < due otherwise. Late as of now: asOf > due, or asOf >= due.
        Expression OnTime(Expression at, IReadOnlyList<ScopeVariable> scope, Expression due) =>
            If(Inclusive(scope), Le(at, due), Compare(at, due, 0));
        Expression Late(IReadOnlyList<ScopeVariable> scope, Expression due) =>
            If(Inclusive(scope), Compare(asOf, due, 2), Compare(asOf, due, 3));

        // A fulfilling fact, done by the due instant and by the as-of instant; or one that may be.
        foreach (var (suffix, test) in new[] { ("discharge", nameof(Ops.IsTrue)), ("discharge-doubt", nameof(Ops.IsUnknown)) })
        {
            var rule = NewRule(node, suffix, 0);
            var lhs = RootLhs(rule);
            var (file, claim) = UndefeatedClaim(lhs, node, withLapses);
            var claimScope = FromArray(claim, nameof(Claim.Bindings), node.ClaimFrame).ToList();
            var lapses = Lapses(file);
            (Expression Value, Expression? At) Discharged(IReadOnlyList<ScopeVariable> scope)
            {
                var metBy = node.MetBy!.Bind(node.Provision.Environment, scope, ConditionType.YesNo, null)!;
                var at = node.MetAt!.Bind(node.Provision.Environment, scope, ConditionType.Instant, null)!;
                var due = DueAfter(claimScope, lapses);
                var inTime = node.Model.Duty!.Deadline is null ? Le(at, asOf) : And(OnTime(at, claimScope, due), Le(at, asOf));
                return (And(metBy, inTime), at);
            }

            if (rules.TriedByReference(lhs, node, node.MetByFrame, node.MetBy, claimScope, (node, "discharge"), rules.ClaimSteps(node), Discharged, test == nameof(Ops.IsUnknown)) is { } tried)
            {
                // One firing per duty, one discharge (or doubt) per fulfilling fact.
                Act(rule, Call(test == nameof(Ops.IsTrue) ? nameof(RuleActions.DischargeEach) : nameof(RuleActions.DutyDoubtEach), claim, tried));
                rules.Add(rule);
                continue;
            }

            var own = rules.OwnPatterns(lhs, node, node.MetByFrame, node.MetBy, claimScope, (node, "discharge"), rules.ClaimSteps(node));
            var (val, at) = Discharged([.. claimScope, .. own]);
            AddCondition(lhs.Last!, Expression.Call(OpsMethod(test), val));
            Act(rule, test == nameof(Ops.IsTrue)
                ? Call(nameof(RuleActions.Discharge), claim, FrameArray(own), at!)
                : Call(nameof(RuleActions.DutyDoubt), claim, val));
            rules.Add(rule);
        }

        foreach (var type in node.MetByFrame.SelectMany(v => v.TypeNames).Distinct(StringComparer.Ordinal))
        {
            var rule = NewRule(node, $"discharge-existence-{type}", 0);
            var lhs = RootLhs(rule);
            var (_, claim) = UndefeatedClaim(lhs, node, FileKinds.None);
            ExistencePattern(lhs, type);
            Act(rule, Call(nameof(RuleActions.DutyDoubtExistence), claim, Const(type)));
            rules.Add(rule);
        }

        // Discharged: complied (unless an exception defeats the duty for certain).
        {
            var rule = NewRule(node, "complied", OutcomePriority);
            var lhs = RootLhs(rule);
            var file = ClaimFile(lhs, "file", node, FileKinds.Discharge | FileKinds.StandingChild | withLapses);
            var claim = Expression.Property(file, nameof(IGrouping<Claim, Conclusion>.Key));
            var discharges = FileCall(nameof(Files.Discharges), file);
            AddCondition(lhs.Last!, Expression.AndAlso(
                Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [typeof(Discharge)], discharges),
                Expression.Not(FileCall(nameof(Files.HasStandingChild), file))));
            var lapses = Lapses(file);
            var due = DueAfter(FromArray(claim, nameof(Claim.Bindings), node.ClaimFrame).ToList(), lapses);
            Act(rule, Call(nameof(RuleActions.ConcludeDischarged), Const(node), claim, discharges, due, lapses));
            rules.Add(rule);
        }

        // Not discharged: pending, violated or undetermined by the deadline; or undetermined by a doubt.
        foreach (var (suffix, basis, test) in new[]
        {
            ("pending", Basis.Pending, nameof(Ops.IsFalse)),
            ("deadline-passed", Basis.DeadlinePassed, nameof(Ops.IsTrue)),
            ("deadline-unknown", Basis.DeadlineUnknown, nameof(Ops.IsUnknown)),
        })
        {
            var rule = NewRule(node, suffix, OutcomePriority);
            var lhs = RootLhs(rule);
            var file = ClaimFile(lhs, "file", node, FileKinds.Standing | FileKinds.Discharge | FileKinds.DutyDoubt | withLapses);
            var claim = Expression.Property(file, nameof(IGrouping<Claim, Conclusion>.Key));
            var scope = FromArray(claim, nameof(Claim.Bindings), node.ClaimFrame).ToList();
            var lapses = Lapses(file);
            var due = DueAfter(scope, lapses);
            AddCondition(lhs.Last!, Expression.AndAlso(
                Expression.AndAlso(FileCall(nameof(Files.Stands), file), Expression.Not(FileCall(nameof(Files.HasAny), file, Const(FileKinds.Discharge | FileKinds.DutyDoubt)))),
                Expression.Call(OpsMethod(test), Late(scope, due))));
            Act(rule, Call(nameof(RuleActions.ConcludeDeadline), Const(node), claim, Const(basis), due, lapses));
            rules.Add(rule);
        }

        {
            var rule = NewRule(node, "discharge-unknown", OutcomePriority);
            var lhs = RootLhs(rule);
            var file = ClaimFile(lhs, "file", node, FileKinds.Standing | FileKinds.Discharge | FileKinds.DutyDoubt | withLapses);
            var claim = Expression.Property(file, nameof(IGrouping<Claim, Conclusion>.Key));
            var doubts = FileCall(nameof(Files.DutyDoubts), file);
            AddCondition(lhs.Last!, Expression.AndAlso(
                Expression.AndAlso(FileCall(nameof(Files.Stands), file), Expression.Not(FileCall(nameof(Files.HasAny), file, Const(FileKinds.Discharge)))),
                Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [typeof(DutyDoubt)], doubts)));
            var due = DueAfter(FromArray(claim, nameof(Claim.Bindings), node.ClaimFrame).ToList(), Lapses(file));
            Act(rule, Call(nameof(RuleActions.ConcludeDutyDoubts), Const(node), claim, doubts, due));
            rules.Add(rule);
        }
    }

    /// <summary>
    /// A claim of the node that no child exception defeats for certain (it stands or is unsettled), as its file of
    /// the claim, its children's standing claims and the further kinds asked for.
    /// </summary>
    private static (ParameterExpression File, Expression Claim) UndefeatedClaim(Lhs group, ProvisionNode node, FileKinds also)
    {
        var file = ClaimFile(group, "file", node, FileKinds.Self | FileKinds.StandingChild | also);
        AddCondition(group.Last!, Expression.AndAlso(FileCall(nameof(Files.HasSelf), file), Expression.Not(FileCall(nameof(Files.HasAny), file, Const(FileKinds.StandingChild)))));
        return (file, Expression.Property(file, nameof(IGrouping<Claim, Conclusion>.Key)));
    }
}
