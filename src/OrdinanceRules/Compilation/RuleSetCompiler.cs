using System.Collections.Immutable;
using NRules;
using OrdinanceRules.Model;

namespace OrdinanceRules.Compilation;

/// <summary>
/// Where a provision becomes NRules rules. Each provision and exception is compiled, through NRules.RuleModel's
/// builders, into rules whose patterns match scenario facts (joined in the Rete network) and whose actions insert
/// linked conclusions; the status of every finding is decided by these rules, and docs/concepts.md describes the
/// rules a provision yields. This orchestrator binds the stack of laws (<see cref="LawStack"/>, <see cref="OrdinanceBinder"/>),
/// hands each provision to the emitter of each rule family, in this order, and compiles what they built:
/// <list type="table">
/// <listheader><term>family</term><description>rules (named <c>provision/rule</c>, an exception's <c>provision/exception/rule</c>)</description></listheader>
/// <item><term><see cref="VerdictEmitter"/></term><description><c>verdict</c>, and the outcomes decided on it with alpha tests:
/// <c>match-unknown</c>, <c>no-match</c>, <c>existence-T</c>, <c>not-in-force</c>, <c>in-force-unknown</c>, <c>not-applicable</c>,
/// <c>scope-unknown</c>; for a breach tested on the subject alone <c>complied</c> and either the claims (<c>breach</c>,
/// <c>breach-unknown</c>, <c>breach-provisional</c>) or, with nothing to bear on them, <c>violated</c> and <c>unsettled</c></description></item>
/// <item><term><see cref="DutyEmitter"/></term><description><c>duty</c>, <c>duty-provisional</c>, <c>discharge</c>, <c>discharge-doubt</c>,
/// <c>discharge-existence-T</c>, <c>complied</c>, <c>pending</c>, <c>deadline-passed</c>, <c>deadline-unknown</c>, <c>discharge-unknown</c></description></item>
/// <item><term><see cref="ExistentialBreachEmitter"/></term><description>a breach tested on further facts: <c>breach</c>, <c>breach-doubt</c>,
/// <c>breach-existence-T</c>, <c>complied</c>, <c>breach-unknown</c></description></item>
/// <item><term><see cref="ExceptionOutcomeEmitter"/></term><description>a claim's outcome: <c>violated</c> (it stands),
/// <c>exception-applies</c>, <c>unsettled</c></description></item>
/// <item><term><see cref="ClaimLogicEmitter"/></term><description>per node and, recursively, per exception: <c>stand</c>, <c>unsettled</c>,
/// <c>lapsed</c>, <c>lapse-unknown</c>; each exception's <c>holds</c>, <c>doubt</c>, <c>existence-T</c>, or an implied exception's
/// <c>prevails</c> and <c>prevails-doubt</c> (<c>carve-out-doubt</c> for a carve-out)</description></item>
/// <item><term><see cref="ContestEmitter"/></term><description>after every provision: <c>conflict-P</c>, per permission of equal rank that neither prevails over</description></item>
/// <item><term><see cref="FindingsAsFacts"/></term><description>no rules of its own: the <c>Collect</c> of another provision's outcomes
/// (and a quantifier's facts) added to the rules whose conditions test them</description></item>
/// </list>
/// The emitters share one <see cref="RuleSetBuilder"/>: the rules built, their join plans and the left-hand-side pieces (<see cref="Patterns"/>, <see cref="Lhs"/>).
/// </summary>
internal static class RuleSetCompiler
{
    /// <summary>
    /// Compiles an ordinance, alone or stacked under higher laws (state, federal). All share one vocabulary
    /// (the ordinance's, extended by theirs) and one rule set, so precedence between them is decided by rules too.
    /// </summary>
    /// <param name="ordinance">The local ordinance.</param>
    /// <param name="higherLaws">The higher laws; empty for none.</param>
    /// <param name="fastExpressionCompiler">
    /// False compiles NRules' expressions with its default <c>Expression.Compile</c>; only the benchmarks
    /// pass it, to measure what FastExpressionCompiler saves.
    /// </param>
    public static Result<CompiledOrdinance> Compile(Ordinance ordinance, IReadOnlyList<Ordinance>? higherLaws = null, bool fastExpressionCompiler = true)
    {
        var diagnostics = new List<Diagnostic>();
        var laws = LawStack.Stack(ordinance, higherLaws ?? [], diagnostics);
        if (laws is null)
        {
            return Result<CompiledOrdinance>.Failure(diagnostics);
        }

        var nodes = ImmutableArray.CreateBuilder<ProvisionNode>();
        var readingOffset = 0;
        var defaultsRead = new HashSet<(string Type, string Field)>();
        foreach (var law in laws)
        {
            var binder = new OrdinanceBinder(law, diagnostics, nodes.Count, readingOffset, laws);
            nodes.AddRange(binder.Bind());
            defaultsRead.UnionWith(binder.DefaultsRead);
            readingOffset += law.Readings.Length;
        }

        if (diagnostics.Count > 0)
        {
            return Result<CompiledOrdinance>.Failure(diagnostics);
        }

        var all = nodes.ToImmutable();
        if (!FindingGraph.Check(all, diagnostics))
        {
            return Result<CompiledOrdinance>.Failure(diagnostics);
        }

        var contests = Precedence.Plan(all);
        // Once the precedence plan has added the implied exceptions: every node gets the reference its conclusions carry.
        References.Attach(all);
        var rules = new RuleSetBuilder(all);
        var verdicts = new VerdictEmitter(rules);
        var duties = new DutyEmitter(rules);
        var breaches = new ExistentialBreachEmitter(rules);
        var outcomes = new ExceptionOutcomeEmitter(rules);
        var claims = new ClaimLogicEmitter(rules);
        // A claim (with its stand, unsettled and outcome rules) only where something can bear on it: an exception,
        // a conflict with a permission, further facts to test its breach on, or a duty to discharge.
        var conflicted = contests.Where(c => c.Kind == ContestKind.Conflict).Select(c => c.Provision).ToHashSet();
        foreach (var node in all)
        {
            var withClaims = node.Model.Modality == Modality.Obligation || !node.ViolationFrame.IsEmpty || node.Children.Count > 0 || conflicted.Contains(node);
            verdicts.Emit(node, withClaims);
            if (node.Model.Modality == Modality.Obligation)
            {
                duties.Emit(node);
            }
            else if (node.ViolationFrame.IsEmpty)
            {
                verdicts.EmitBreach(node, withClaims);
            }
            else
            {
                breaches.Emit(node);
            }

            if (withClaims)
            {
                outcomes.Emit(node);
                claims.Emit(node);
            }
        }

        new ContestEmitter(rules).Emit(contests);
        var ruleCompiler = fastExpressionCompiler ? new RuleCompiler { ExpressionCompiler = new FastExpressionCompilerAdapter() } : new RuleCompiler();
        var factory = ruleCompiler.Compile(rules.Rules);
        IdentityComparerPriming.Prime(factory);
        return Result<CompiledOrdinance>.Success(new CompiledOrdinance(laws[0], [.. laws.Skip(1)], factory, rules.Rules.Count, rules.JoinPlans)
        { DefaultsRead = defaultsRead, Recurrences = [.. all.Select(n => n.Recurrence).OfType<RecurringPeriods>()] });
    }
}
