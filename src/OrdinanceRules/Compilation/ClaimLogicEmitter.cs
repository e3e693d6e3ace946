using System.Linq.Expressions;
using OrdinanceRules.Conditions;
using static OrdinanceRules.Compilation.Patterns;
using static OrdinanceRules.Compilation.RuleSetBuilder;

namespace OrdinanceRules.Compilation;

/// <summary>
/// The claim-logic family: for a provision and, recursively, its exceptions, when a claim stands, when it is unsettled,
/// when a lapsing exception has lapsed, and how each child exception (or a prevailing permission, or a carve-out in doubt)
/// claims against it.
/// </summary>
internal sealed class ClaimLogicEmitter(RuleSetBuilder rules)
{
    /// <summary>What the stand and unsettled rules weigh about a claim: the claim, its child exceptions' standing and unsettled claims, its doubts.</summary>
    private const FileKinds ClaimAndChildren = FileKinds.Self | FileKinds.StandingChild | FileKinds.UnsettledChild | FileKinds.Doubt;

    /// <summary>
    /// For a node and, recursively, its exceptions: when a claim stands, when it is unsettled, and how
    /// each child exception claims against it. A deeper exception defeats the claim it excepts.
    /// </summary>
    public void Emit(RuleNode node)
    {
        var priority = 10 * (node.Depth + 1);
        {
            var rule = NewRule(node, "stand", priority);
            var lhs = RootLhs(rule);
            Expression claim;
            if (node.Children.Count > 0)
            {
                // The claim's file: no child exception stands or is unsettled against it, and no doubt is owned by it.
                var file = ClaimFile(lhs, "file", node, ClaimAndChildren);
                claim = Expression.Property(file, nameof(IGrouping<Claim, Conclusion>.Key));
                AddCondition(lhs.Last!, Expression.AndAlso(
                    Expression.AndAlso(FileCall(nameof(Files.HasSelf), file), Expression.Not(Expression.Property(claim, nameof(Claim.IsTentative)))),
                    Expression.Not(FileCall(nameof(Files.HasAny), file, Const(FileKinds.StandingChild | FileKinds.UnsettledChild | FileKinds.Doubt)))));
            }
            else
            {
                claim = ClaimPattern(lhs, "claim", node, tentative: false);
            }

            if (node is ExceptionNode { LapseAt: not null } lapsing)
            {
                AddCondition(lhs.Last!, Expression.Call(OpsMethod(nameof(Ops.IsFalse)), HasLapsed(lapsing, claim)));
            }

            Act(rule, Call(nameof(RuleActions.Stand), claim));
            rules.Add(rule);
        }

        if (node is ExceptionNode { LapseAt: not null } lapses)
        {
            // The exception held and has lapsed by the as-of instant: the duty revives; or whether it lapsed is unknown.
            var within = lapses.Model.Lapses!.RestartWithin;
            foreach (var (suffix, test) in new[] { ("lapsed", nameof(Ops.IsTrue)), ("lapse-unknown", nameof(Ops.IsUnknown)) })
            {
                var rule = NewRule(node, suffix, priority);
                var lhs = RootLhs(rule);
                var claim = ClaimPattern(lhs, "claim", node, tentative: false);
                var lapsed = HasLapsed(lapses, claim);
                AddCondition(lhs.Last!, Expression.Call(OpsMethod(test), lapsed));
                var scope = FromArray(claim, nameof(Claim.Bindings), node.ClaimFrame).ToList();
                Act(rule, test == nameof(Ops.IsTrue)
                    ? Call(nameof(RuleActions.Lapse), claim, lapses.LapseAt!.Bind(node.Provision.Environment, scope, ConditionType.Instant, null)!, Expression.Constant(within))
                    : Call(nameof(RuleActions.UnsettleLapse), claim, lapsed));
                rules.Add(rule);
            }
        }

        {
            // Not defeated for certain, but unsettled: the claim itself is tentative, a child exception's
            // existence is in doubt, or a child exception is itself unsettled.
            var rule = NewRule(node, "unsettled", priority);
            var lhs = RootLhs(rule);
            Expression claim;
            Expression doubts = Expression.Constant(Array.Empty<Doubt>(), typeof(IEnumerable<Doubt>));
            Expression children = Expression.Constant(Array.Empty<Unsettled>(), typeof(IEnumerable<Unsettled>));
            if (node.Children.Count > 0)
            {
                var file = ClaimFile(lhs, "file", node, ClaimAndChildren);
                claim = Expression.Property(file, nameof(IGrouping<Claim, Conclusion>.Key));
                doubts = FileCall(nameof(Files.Doubts), file);
                children = FileCall(nameof(Files.UnsettledChildren), file);
                AddCondition(lhs.Last!, Expression.AndAlso(FileCall(nameof(Files.HasSelf), file), Expression.Not(FileCall(nameof(Files.HasAny), file, Const(FileKinds.StandingChild)))));
            }
            else
            {
                claim = ClaimPattern(lhs, "claim", node);
            }

            AddCondition(lhs.Last!, Expression.Call(typeof(RuleActions).GetMethod(nameof(RuleActions.IsUnsettled))!, claim, doubts, children));
            Act(rule, Call(nameof(RuleActions.Unsettle), claim, doubts, children));
            rules.Add(rule);
        }

        foreach (var child in node.Children)
        {
            var childPriority = 10 * (child.Depth + 1);
            if (child.Prevailing is { } prevailing)
            {
                // An implied exception: a permission of higher law (or declared precedence) engaged on facts the claim binds.
                var rule = NewRule(child, "prevails", childPriority);
                var lhs = RootLhs(rule);
                var parent = ClaimPattern(lhs, "parent", node);
                var permit = PermitPattern(lhs, prevailing, parent);
                Act(rule, Call(nameof(RuleActions.Claim), Const<RuleNode>(child), parent, Expression.Constant(null, typeof(Verdict)), Expression.Property(parent, nameof(Claim.Bindings))));
                rules.Add(rule);
                EmitPermissionDoubt(node, child, prevailing, childPriority);

                Emit(child);
                continue;
            }

            foreach (var (suffix, test) in new[] { ("holds", nameof(Ops.IsTrue)), ("doubt", nameof(Ops.IsUnknown)) })
            {
                var rule = NewRule(child, suffix, childPriority);
                var lhs = RootLhs(rule);
                var parent = ClaimPattern(lhs, "parent", node);
                var parentScope = FromArray(parent, nameof(Claim.Bindings), node.ClaimFrame).ToList();
                if (rules.TriedByReference(lhs, node.Provision, child.OwnFrame, child.When, parentScope, (child, "when"), rules.ClaimSteps(node),
                        scope => (child.When!.Bind(node.Provision.Environment, scope, ConditionType.YesNo, null)!, null), test == nameof(Ops.IsUnknown)) is { } tried)
                {
                    // One firing per parent claim, one exception claim per combination that holds (or may).
                    Act(rule, Call(test == nameof(Ops.IsTrue) ? nameof(RuleActions.ClaimEach) : nameof(RuleActions.TentativeClaimEach),
                        Const<RuleNode>(child), parent, Expression.Constant(null, typeof(Verdict)), FrameArray(parentScope), tried));
                    rules.Add(rule);
                    continue;
                }

                var scope = parentScope.Concat(rules.OwnPatterns(lhs, node.Provision, child.OwnFrame, child.When, parentScope, (child, "when"), rules.ClaimSteps(node))).ToList();
                var (environment, findings) = rules.Findings.With(lhs, node.Provision, scope, child.When);
                rules.CountMembers((child, "when"), child.When);
                var val = rules.Findings.Settled(lhs, child.When!.Bind(environment, scope, ConditionType.YesNo, null)!, findings);
                AddCondition(lhs.Last!, Expression.Call(OpsMethod(test), val));
                Act(rule, test == nameof(Ops.IsTrue)
                    ? Call(nameof(RuleActions.Claim), Const<RuleNode>(child), parent, Expression.Constant(null, typeof(Verdict)), FrameArray(scope))
                    : Call(nameof(RuleActions.TentativeClaim), Const<RuleNode>(child), parent, Expression.Constant(null, typeof(Verdict)), FrameArray(scope), val));
                rules.Add(rule);
            }

            foreach (var type in child.OwnFrame.SelectMany(v => v.TypeNames).Distinct(StringComparer.Ordinal))
            {
                var rule = NewRule(child, $"existence-{type}", childPriority);
                var lhs = RootLhs(rule);
                var parent = ClaimPattern(lhs, "parent", node);
                ExistencePattern(lhs, type);
                Act(rule, Call(nameof(RuleActions.DoubtExistence), Expression.Convert(parent, typeof(object)), Const(type)));
                rules.Add(rule);
            }

            Emit(child);
        }
    }

    /// <summary>
    /// A permission that prevails over or narrows the provision may be engaged on the claim's facts: its match holds, but
    /// whether it was in force or applies is unknown (and neither is no). The implied exception's (or the carve-out's)
    /// claim is then tentative, naming what it depends on, so that the provision's finding is Undetermined rather than
    /// Violated (Kleene: the permission may prevail).
    /// </summary>
    private void EmitPermissionDoubt(RuleNode node, ExceptionNode child, ProvisionNode permission, int priority)
    {
        var rule = NewRule(child, child.Model.CarveOut is null ? "prevails-doubt" : "carve-out-doubt", priority);
        var lhs = RootLhs(rule);
        var parent = ClaimPattern(lhs, "parent", node);
        var permit = VerdictPattern(lhs, permission, "permit", v => Expression.AndAlso(
            Expression.Not(Engaged(v)),
            Stages(v, (nameof(Verdict.Match), nameof(Ops.IsTrue)), (nameof(Verdict.InForce), nameof(Ops.IsNotFalse)), (nameof(Verdict.Applies), nameof(Ops.IsNotFalse)))));
        var shares = Expression.Call(typeof(RuleActions).GetMethod(nameof(RuleActions.Shares))!, Expression.Property(parent, nameof(Claim.Bindings)), Expression.Property(permit, nameof(Verdict.Bindings)));
        lhs.Last!.Condition(Expression.Lambda(shares, permit, parent));
        var doubt = Expression.Call(OpsMethod(nameof(Ops.And)), Expression.Property(permit, nameof(Verdict.InForce)), Expression.Property(permit, nameof(Verdict.Applies)));
        Act(rule, Call(nameof(RuleActions.TentativeClaim), Const<RuleNode>(child), parent, Expression.Constant(null, typeof(Verdict)), Expression.Property(parent, nameof(Claim.Bindings)), doubt));
        rules.Add(rule);
    }

    /// <summary>Whether a lapsing exception's claim has lapsed by the as-of instant: its end is known, not after as-of, and its 'if' holds.</summary>
    private static Expression HasLapsed(ExceptionNode node, Expression claim)
    {
        var scope = FromArray(claim, nameof(Claim.Bindings), node.ClaimFrame).ToList();
        var environment = node.Provision.Environment;
        var at = node.LapseAt!.Bind(environment, scope, ConditionType.Instant, null)!;
        var asOf = Expression.Call(OpsMethod(nameof(Ops.AsOf)), BindingEnvironment.ContextParameter);
        Expression ended = Expression.Call(OpsMethod(nameof(Ops.Compare)), at, asOf, Expression.Constant(1));
        if (node.LapseIf is not null)
        {
            ended = Expression.Call(OpsMethod(nameof(Ops.And)), ended, node.LapseIf.Bind(environment, scope, ConditionType.YesNo, null)!);
        }

        return ended;
    }
}
