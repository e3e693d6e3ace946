using System.Collections.Immutable;
using static OrdinanceRules.Compilation.Patterns;
using static OrdinanceRules.Compilation.RuleSetBuilder;

namespace OrdinanceRules.Compilation;

/// <summary>
/// The contest family: precedence between laws is planned by <see cref="Precedence"/> (a prevailing permission becomes an
/// implied exception, emitted with the claim logic); the conflicts it leaves, a provision and a permission of equal rank
/// with neither prevailing, are reported by these rules.
/// </summary>
internal sealed class ContestEmitter(RuleSetBuilder rules)
{
    /// <summary>Conflicts between a provision and a permission of equal rank, neither prevailing, are reported.</summary>
    public void Emit(ImmutableArray<Contest> contests)
    {
        foreach (var contest in contests.Where(c => c.Kind == ContestKind.Conflict))
        {
            var rule = NewRule(contest.Provision, $"conflict-{contest.Permission.Id}", OutcomePriority);
            var lhs = RootLhs(rule);
            var claim = ClaimPattern(lhs, "claim", contest.Provision);
            NotChild(lhs, typeof(Standing), "standingChild", claim, contest.Provision);
            var permit = PermitPattern(lhs, contest.Permission, claim);
            Act(rule, Call(nameof(RuleActions.Conflict), Const(contest.Provision), Const(contest.Permission), claim, permit));
            rules.Add(rule);
        }
    }
}
