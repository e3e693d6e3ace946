using System.Linq.Expressions;
using OrdinanceRules.Conditions;
using static OrdinanceRules.Compilation.Patterns;
using static OrdinanceRules.Compilation.RuleSetBuilder;

namespace OrdinanceRules.Compilation;

/// <summary>
/// The existential-breach family: a breach tested on further facts (<c>violated-when</c> over a frame of its own), claimed
/// against each engaged verdict for each further fact that makes it true or unknown; complied, or undetermined, when none does.
/// </summary>
internal sealed class ExistentialBreachEmitter(RuleSetBuilder rules)
{
    /// <summary>The breach's claims, doubts and outcomes for a provision whose violated-when ranges over further facts.</summary>
    public void Emit(ProvisionNode node)
    {
        var types = node.ViolationFrame.SelectMany(v => v.TypeNames).Distinct(StringComparer.Ordinal).ToList();

        // Some further fact makes the breach true, or unknown: tested against each engaged verdict.
        foreach (var (suffix, test) in new[] { ("breach", nameof(Ops.IsTrue)), ("breach-doubt", nameof(Ops.IsUnknown)) })
        {
            var rule = NewRule(node, suffix, 0);
            var lhs = RootLhs(rule);
            var subjectParam = VerdictPattern(lhs, node, "subject", Engaged);
            var subjectScope = FromArray(subjectParam, nameof(Verdict.Bindings), node.SubjectFrame).ToList();
            // A version's own violated-when may join differently: then the further facts are not looked up by the provision's.
            var versioned = node.Versions.Any(v => v.ViolatedWhen is not null);
            if (!versioned && rules.TriedByReference(lhs, node, node.ViolationFrame, node.ViolatedWhen, subjectScope, (node, "breach"), rules.Steps(node, "subject"),
                    scope => (node.ViolatedWhen!.Bind(node.Provision.Environment, scope, ConditionType.YesNo, null)!, null), test == nameof(Ops.IsUnknown)) is { } tried)
            {
                Act(rule, Call(test == nameof(Ops.IsTrue) ? nameof(RuleActions.ClaimEach) : nameof(RuleActions.TentativeClaimEach),
                    Const<RuleNode>(node), Expression.Constant(null, typeof(Claim)), subjectParam, FrameArray(subjectScope), tried));
                rules.Add(rule);
                continue;
            }

            var scope = subjectScope.Concat(rules.OwnPatterns(lhs, node, node.ViolationFrame, versioned ? null : node.ViolatedWhen, subjectScope, (node, "breach"), rules.Steps(node, "subject"))).ToList();
            ConditionSource?[] breach = [node.ViolatedWhen, .. node.Versions.Select(v => v.ViolatedWhen)];
            var (environment, findings) = rules.Findings.With(lhs, node, scope, breach);
            rules.CountMembers((node, "breach"), breach);
            var val = rules.Findings.Settled(lhs, ProvisionVersions.Select(node, Expression.Property(subjectParam, nameof(Verdict.EventTime)), v => v.ViolatedWhen, node.ViolatedWhen,
                source => source.Bind(environment, scope, ConditionType.YesNo, null)!), findings);
            AddCondition(lhs.Last!, Expression.Call(OpsMethod(test), val));
            Act(rule, test == nameof(Ops.IsTrue)
                ? Call(nameof(RuleActions.Claim), Const<RuleNode>(node), Expression.Constant(null, typeof(Claim)), subjectParam, FrameArray(scope))
                : Call(nameof(RuleActions.TentativeClaim), Const<RuleNode>(node), Expression.Constant(null, typeof(Claim)), subjectParam, FrameArray(scope), val));
            rules.Add(rule);
        }

        foreach (var type in types)
        {
            var rule = NewRule(node, $"breach-existence-{type}", 0);
            var lhs = RootLhs(rule);
            var subjectParam = VerdictPattern(lhs, node, "subject", Engaged);
            ExistencePattern(lhs, type);
            Act(rule, Call(nameof(RuleActions.DoubtExistence), Expression.Convert(subjectParam, typeof(object)), Const(type)));
            rules.Add(rule);
        }

        // No further fact makes the breach true: complied, or undetermined when one makes it unknown.
        foreach (var (suffix, doubted) in new[] { ("complied", false), ("breach-unknown", true) })
        {
            var rule = NewRule(node, suffix, OutcomePriority);
            var lhs = RootLhs(rule);
            var file = SubjectFile(lhs, "file", node, FileKinds.Self | FileKinds.SubjectClaim | FileKinds.Doubt);
            var subject = Expression.Property(file, nameof(IGrouping<Verdict, Conclusion>.Key));
            var doubts = FileCall(nameof(Files.Doubts), file);
            var anyDoubt = Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [typeof(Doubt)], doubts);
            AddCondition(lhs.Last!, Expression.AndAlso(
                Expression.AndAlso(FileCall(nameof(Files.HasSelf), file), Expression.Not(FileCall(nameof(Files.HasClaims), file))),
                doubted ? anyDoubt : Expression.Not(anyDoubt)));
            Act(rule, doubted
                ? Call(nameof(RuleActions.ConcludeDoubts), Const(node), Const(Basis.BreachUnknown), subject, doubts)
                : Call(nameof(RuleActions.Conclude), Const(node), Const(Basis.NoBreach), subject));
            rules.Add(rule);
        }
    }
}
