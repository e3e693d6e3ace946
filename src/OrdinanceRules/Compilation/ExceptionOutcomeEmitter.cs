using System.Linq.Expressions;
using OrdinanceRules.Model;
using static OrdinanceRules.Compilation.Patterns;
using static OrdinanceRules.Compilation.RuleSetBuilder;

namespace OrdinanceRules.Compilation;

/// <summary>
/// The exception-outcome family: what a provision's claim comes to once its exceptions are weighed. It stands (violated),
/// standing exceptions defeat it (exception-applies, or a carve-out's outcome), or it is unsettled (undetermined).
/// </summary>
internal sealed class ExceptionOutcomeEmitter(RuleSetBuilder rules)
{
    /// <summary>The outcomes of a provision's claims: violated (a prohibition's breach stands), exception-applies, unsettled.</summary>
    public void Emit(ProvisionNode node)
    {
        if (node.Model.Modality != Modality.Obligation)
        {
            var rule = NewRule(node, "violated", OutcomePriority);
            var lhs = RootLhs(rule);
            var claim = StandingClaim(lhs, node);
            Act(rule, Call(nameof(RuleActions.ConcludeViolated), Const(node), claim));
            rules.Add(rule);
        }

        EmitExceptions(node);
    }

    private void EmitExceptions(ProvisionNode node)
    {
        if (node.Children.Count > 0)
        {
            // The claim's standing exceptions, grouped by claim: one finding naming every exception that applies.
            var rule = NewRule(node, "exception-applies", OutcomePriority);
            var lhs = RootLhs(rule);
            var exceptions = GroupByClaim<Standing>(lhs, "exceptions", s => ChildOfNode(s, node), s => Expression.Property(Expression.Property(s, nameof(Standing.Claim)), nameof(Claim.Parent)));
            var claim = Expression.Property(exceptions, nameof(IGrouping<Claim, Standing>.Key));
            Act(rule, Call(nameof(RuleActions.ConcludeExceptions), Const(node), claim, exceptions));
            rules.Add(rule);
        }

        {
            var rule = NewRule(node, "unsettled", OutcomePriority);
            var lhs = RootLhs(rule);
            if (node.Model.Modality == Modality.Obligation)
            {
                // An unsettled duty not discharged: its file, to weigh its doubts about the discharge.
                var file = ClaimFile(lhs, "file", node, FileKinds.Unsettled | FileKinds.Discharge | FileKinds.DutyDoubt);
                var unsettledClaims = FileCall(nameof(Files.Unsettled), file);
                AddCondition(lhs.Last!, Expression.AndAlso(
                    Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [typeof(Unsettled)], unsettledClaims),
                    Expression.Not(FileCall(nameof(Files.HasAny), file, Const(FileKinds.Discharge)))));
                Act(rule, Call(nameof(RuleActions.ConcludeUnsettled), Const(node), Expression.Property(file, nameof(IGrouping<Claim, Conclusion>.Key)), unsettledClaims, FileCall(nameof(Files.DutyDoubts), file)));
            }
            else
            {
                var unsettled = lhs.Pattern(typeof(Unsettled), "unsettled");
                var u = Expression.Parameter(typeof(Unsettled), "unsettled");
                unsettled.Condition(Expression.Lambda(OfNode(u, node), u));
                Act(rule, Call(nameof(RuleActions.ConcludeUnsettled), Const(node), Expression.Property(u, nameof(Unsettled.Claim)), Expression.NewArrayInit(typeof(Unsettled), u),
                    Expression.Constant(Array.Empty<DutyDoubt>(), typeof(IEnumerable<DutyDoubt>))));
            }

            rules.Add(rule);
        }
    }
}
