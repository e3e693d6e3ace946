using System.Collections.Immutable;
using System.Linq.Expressions;
using NRules;
using NRules.RuleModel;
using NRules.RuleModel.Builders;
using OrdinanceRules.Conditions;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Facts;
using OrdinanceRules.Model;

namespace OrdinanceRules.Compilation;

/// <summary>
/// Where a provision becomes NRules rules. Each provision and exception is compiled, through
/// NRules.RuleModel's builders, into rules whose patterns match scenario facts (joined in the Rete
/// network) and whose actions insert linked conclusions; the status of every finding is decided by
/// these rules, and docs/concepts.md describes the rules a provision yields.
/// </summary>
internal sealed partial class RuleSetCompiler
{
    private const int OutcomePriority = -100;

    private static readonly ParameterExpression Ctx = Expression.Parameter(typeof(IContext), "ctx");

    private readonly List<Diagnostic> _diagnostics = [];
    private readonly List<IRuleDefinition> _rules = [];
    private readonly Dictionary<(RuleNode Node, string Join), ImmutableArray<JoinStep>> _joins = [];

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
        var compiler = new RuleSetCompiler();
        var laws = compiler.Stack(ordinance, higherLaws ?? []);
        if (laws is null)
        {
            return Result<CompiledOrdinance>.Failure(compiler._diagnostics);
        }

        var nodes = ImmutableArray.CreateBuilder<ProvisionNode>();
        var readingOffset = 0;
        var defaultsRead = new HashSet<(string Type, string Field)>();
        foreach (var law in laws)
        {
            var binder = new OrdinanceBinder(law, compiler._diagnostics, nodes.Count, readingOffset, laws);
            nodes.AddRange(binder.Bind());
            defaultsRead.UnionWith(binder.DefaultsRead);
            readingOffset += law.Readings.Length;
        }

        if (compiler._diagnostics.Count > 0)
        {
            return Result<CompiledOrdinance>.Failure(compiler._diagnostics);
        }

        var all = nodes.ToImmutable();
        compiler._provisions = all.ToDictionary(n => n.Id, StringComparer.Ordinal);
        if (!FindingGraph.Check(all, compiler._diagnostics))
        {
            return Result<CompiledOrdinance>.Failure(compiler._diagnostics);
        }

        var contests = Precedence.Plan(all);
        // A claim (with its stand, unsettled and outcome rules) only where something can bear on it: an exception,
        // a conflict with a permission, further facts to test its breach on, or a duty to discharge.
        var conflicted = contests.Where(c => c.Kind == ContestKind.Conflict).Select(c => c.Provision).ToHashSet();
        foreach (var node in all)
        {
            compiler.EmitProvision(node, node.Model.Modality == Modality.Obligation || !node.ViolationFrame.IsEmpty || node.Children.Count > 0 || conflicted.Contains(node));
        }

        compiler.EmitContests(contests);
        var ruleCompiler = fastExpressionCompiler ? new RuleCompiler { ExpressionCompiler = new FastExpressionCompilerAdapter() } : new RuleCompiler();
        var factory = ruleCompiler.Compile(compiler._rules);
        IdentityComparerPriming.Prime(factory);
        return Result<CompiledOrdinance>.Success(new CompiledOrdinance(laws[0], [.. laws.Skip(1)], factory, compiler._rules.Count,
            [.. compiler._joins.Select(j => new JoinPlan(j.Key.Node.Provision.Id, j.Value))])
        { DefaultsRead = defaultsRead, Recurrences = [.. all.Select(n => n.Recurrence).OfType<RecurringPeriods>()] });
    }

    /// <summary>The laws of the stack, each rebound to the one shared vocabulary; null when they cannot share one.</summary>
    private List<Ordinance>? Stack(Ordinance ordinance, IReadOnlyList<Ordinance> higherLaws)
    {
        var vocabulary = ordinance.Vocabulary;
        foreach (var law in higherLaws)
        {
            var extended = vocabulary.Extend(vocabulary.Name, law.Vocabulary.Types, out var problems);
            if (extended is null)
            {
                _diagnostics.AddRange(problems.Select(p => p with { Message = $"{law.Citation} and {ordinance.Citation} cannot share a vocabulary: {p.Message}" }));
                return null;
            }

            vocabulary = extended;
        }

        var laws = new List<Ordinance> { ordinance with { Vocabulary = vocabulary } };
        laws.AddRange(higherLaws.Select(l => l with { Vocabulary = vocabulary }));
        foreach (var law in higherLaws.Where(l => l.Jurisdiction.Rank <= ordinance.Jurisdiction.Rank))
        {
            _diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidOrdinance, $"{law.Citation} is stacked above {ordinance.Citation} but is not of a higher level (its jurisdiction's level is {law.Jurisdiction.Level})", law.Location));
        }

        foreach (var dup in laws.SelectMany(l => l.Readings.Select(r => (Law: l, Reading: r))).GroupBy(x => x.Reading.Name).Where(g => g.Count() > 1))
        {
            _diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidOrdinance, $"reading '{dup.Key}' is declared by both {string.Join(" and ", dup.Select(x => x.Law.Citation))}; readings in a stack need distinct names", dup.Last().Reading.Location));
        }

        foreach (var dup in laws.SelectMany(l => l.Provisions.Select(p => (Law: l, Provision: p))).GroupBy(x => x.Provision.Id).Where(g => g.Count() > 1 && g.Select(x => x.Law).Distinct().Count() > 1))
        {
            _diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidOrdinance, $"provision id '{dup.Key}' is used by both {string.Join(" and ", dup.Select(x => x.Law.Citation).Distinct())}; ids in a stack must be distinct", dup.Last().Provision.Location));
        }

        _diagnostics.AddRange(Precedence.Check(laws));
        return _diagnostics.Count > 0 ? null : laws;
    }

    private void EmitProvision(ProvisionNode node, bool withClaims)
    {
        var model = node.Model;
        var types = node.SubjectFrame.SelectMany(v => v.TypeNames).Distinct(StringComparer.Ordinal).ToList();

        // Each combination of facts that the match does not rule out gets one verdict: every stage evaluated once.
        EmitVerdict(node);
        if (node.Match is not null)
        {
            // Whether the facts belong together is unknown (an unknown reference): say so, naming it.
            EmitVerdictRule(node, "match-unknown", OutcomePriority, v => Test(nameof(Ops.IsUnknown), v, nameof(Verdict.Match)),
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
            Add(rule);
        }

        // The scenario says further facts of a bound type may exist.
        foreach (var type in types)
        {
            var rule = NewRule(node, $"existence-{type}", OutcomePriority);
            var existence = rule.LeftHandSide().Pattern(typeof(UnknownExistence), "existence");
            var p = Expression.Parameter(typeof(UnknownExistence), "existence");
            existence.Condition(Expression.Lambda(Expression.Equal(Expression.Property(p, nameof(UnknownExistence.Type)), Expression.Constant(type)), p));
            Act(rule, Call(nameof(RuleActions.ConcludeUnknownExistence), Const(node), Const(type)));
            Add(rule);
        }

        // The law in force at the event's time: not yet (or no longer) in force, or unknown.
        if (node.Period is not null)
        {
            EmitVerdictRule(node, "not-in-force", OutcomePriority, v => Stages(v, (nameof(Verdict.Match), nameof(Ops.IsTrue)), (nameof(Verdict.InForce), nameof(Ops.IsFalse))),
                v => Call(nameof(RuleActions.ConcludeNotInForce), Const(node), v));
            // A provisional verdict (unknown whether in force, but as written if it was) is weighed by its claim instead, or,
            // with nothing to claim against, by violated-when: undetermined here only when the breach is not ruled out.
            Expression Weighed(ParameterExpression v) => !node.WeighsUnknownTimeOfLaw ? Expression.Constant(false)
                : withClaims || node.Model.Modality == Modality.Obligation ? Expression.Property(v, nameof(Verdict.Provisional))
                : Expression.AndAlso(Expression.Property(v, nameof(Verdict.Provisional)), Test(nameof(Ops.IsFalse), v, nameof(Verdict.Violated)));
            EmitVerdictRule(node, "in-force-unknown", OutcomePriority, v => Expression.AndAlso(Stages(v,
                    (nameof(Verdict.Match), nameof(Ops.IsTrue)), (nameof(Verdict.InForce), nameof(Ops.IsUnknown)), (nameof(Verdict.Applies), nameof(Ops.IsNotFalse))),
                    Expression.Not(Weighed(v))),
                v => Call(nameof(RuleActions.ConcludeUnknown), Const(node), Const(Basis.InForceUnknown), v, Expression.Property(v, nameof(Verdict.InForce))));
        }

        // applies-when false or unknown.
        if (node.HasScope)
        {
            EmitVerdictRule(node, "not-applicable", OutcomePriority, v => Stages(v,
                    (nameof(Verdict.Match), nameof(Ops.IsTrue)), (nameof(Verdict.InForce), nameof(Ops.IsNotFalse)), (nameof(Verdict.Applies), nameof(Ops.IsFalse))),
                v => Call(nameof(RuleActions.Conclude), Const(node), Const(Basis.Scope), v));
            EmitVerdictRule(node, "scope-unknown", OutcomePriority, v => Stages(v,
                    (nameof(Verdict.Match), nameof(Ops.IsTrue)), (nameof(Verdict.InForce), nameof(Ops.IsTrue)), (nameof(Verdict.Applies), nameof(Ops.IsUnknown))),
                v => Call(nameof(RuleActions.ConcludeUnknown), Const(node), Const(Basis.ScopeUnknown), v, Expression.Property(v, nameof(Verdict.Applies))));
        }

        if (model.Modality == Modality.Obligation)
        {
            EmitVerdictRule(node, "duty", 0, Engaged,
                v => Call(nameof(RuleActions.Claim), Const<RuleNode>(node), Expression.Constant(null, typeof(Claim)), v, Expression.Property(v, nameof(Verdict.Bindings))));
            if (node.WeighsUnknownTimeOfLaw)
            {
                // Whether the law was in force is unknown, as written if it was: the duty is claimed tentatively, naming why.
                EmitVerdictRule(node, "duty-provisional", 0, Provisional,
                    v => Call(nameof(RuleActions.TentativeClaim), Const<RuleNode>(node), Expression.Constant(null, typeof(Claim)), v, Expression.Property(v, nameof(Verdict.Bindings)), Expression.Property(v, nameof(Verdict.InForce))));
            }
            EmitDuty(node);
        }
        else if (node.ViolationFrame.IsEmpty)
        {
            Expression Violated(ParameterExpression v, string test) => Expression.AndAlso(Engaged(v), Test(test, v, nameof(Verdict.Violated)));
            var bindings = (ParameterExpression v) => Expression.Property(v, nameof(Verdict.Bindings));
            // Not breached: complied, also where whether the law was in force is unknown (not breached at any time).
            EmitVerdictRule(node, "complied", OutcomePriority, v => Expression.AndAlso(Expression.OrElse(Engaged(v), Provisional(v)), Test(nameof(Ops.IsFalse), v, nameof(Verdict.Violated))),
                v => Call(nameof(RuleActions.Conclude), Const(node), Const(Basis.NoBreach), v));
            if (withClaims && node.WeighsUnknownTimeOfLaw)
            {
                // Breached, or perhaps, but whether the law was in force is unknown: a tentative claim naming the time of law
                // (and the breach's own unknowns), against which the exceptions are still weighed.
                EmitVerdictRule(node, "breach-provisional", 0, v => Expression.AndAlso(Provisional(v), Test(nameof(Ops.IsNotFalse), v, nameof(Verdict.Violated))),
                    v => Call(nameof(RuleActions.TentativeClaim), Const<RuleNode>(node), Expression.Constant(null, typeof(Claim)), v, bindings(v),
                        Expression.Call(OpsMethod(nameof(Ops.And)), Expression.Property(v, nameof(Verdict.InForce)), Expression.Property(v, nameof(Verdict.Violated)))));
            }

            if (withClaims)
            {
                EmitVerdictRule(node, "breach", 0, v => Violated(v, nameof(Ops.IsTrue)),
                    v => Call(nameof(RuleActions.Claim), Const<RuleNode>(node), Expression.Constant(null, typeof(Claim)), v, bindings(v)));
                EmitVerdictRule(node, "breach-unknown", 0, v => Violated(v, nameof(Ops.IsUnknown)),
                    v => Call(nameof(RuleActions.TentativeClaim), Const<RuleNode>(node), Expression.Constant(null, typeof(Claim)), v, bindings(v), Expression.Property(v, nameof(Verdict.Violated))));
            }
            else
            {
                // No exception can bear on the breach: the verdict concludes, with no claim to stand or be unsettled.
                EmitVerdictRule(node, "violated", OutcomePriority, v => Violated(v, nameof(Ops.IsTrue)),
                    v => Call(nameof(RuleActions.ConcludeBreach), Const(node), v));
                EmitVerdictRule(node, "unsettled", OutcomePriority, v => Violated(v, nameof(Ops.IsUnknown)),
                    v => Call(nameof(RuleActions.ConcludeBreachUnknown), Const(node), v));
            }
        }
        else
        {
            EmitExistentialBreach(node);
        }

        if (!withClaims)
        {
            return;
        }

        if (model.Modality != Modality.Obligation)
        {
            var rule = NewRule(node, "violated", OutcomePriority);
            var lhs = RootLhs(rule);
            var claim = StandingClaim(lhs, node);
            Act(rule, Call(nameof(RuleActions.ConcludeViolated), Const(node), claim));
            Add(rule);
        }

        EmitExceptionOutcomes(node);
        EmitClaimLogic(node);
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
        var scope = OwnPatterns(lhs, node, node.SubjectFrame, node.Match, [], (node, "subject"), []);
        var (environment, findings) = WithFindings(lhs, node, scope,
            [node.Match, node.AppliesWhen, node.ViolationFrame.IsEmpty ? node.ViolatedWhen : null,
             .. node.Versions.SelectMany(v => new[] { v.AppliesWhen, node.ViolationFrame.IsEmpty ? v.ViolatedWhen : null })]);
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
        Act(rule, VerdictAction(findings, Const(node), FrameArray(scope), match, eventTime, assume,
            Own(inForce, node.Period is not null), Own(applies, node.HasScope), violated));
        Add(rule);
    }

    /// <summary>A rule over one verdict of the provision, with an alpha test of its fields: it joins nothing.</summary>
    private void EmitVerdictRule(ProvisionNode node, string name, int priority, Func<ParameterExpression, Expression> test, Func<ParameterExpression, Expression> action)
    {
        var rule = NewRule(node, name, priority);
        var lhs = RootLhs(rule);
        var v = VerdictPattern(lhs, node, "verdict", test);
        Act(rule, action(v));
        Add(rule);
    }

    /// <summary>A pattern over the provision's verdicts that pass a test of their fields (an alpha test).</summary>
    private static ParameterExpression VerdictPattern(Lhs group, ProvisionNode node, string name, Func<ParameterExpression, Expression> test)
    {
        var pattern = group.Pattern(typeof(Verdict), name);
        var v = Expression.Parameter(typeof(Verdict), name);
        // Two conditions, not one conjunction: NRules shares an alpha node among the rules whose first conditions are
        // equal, so a verdict is tested once against its node and then only against that node's own tests.
        pattern.Condition(Expression.Lambda(Expression.Equal(Expression.Property(v, nameof(Verdict.Node)), Expression.Constant(node)), v));
        pattern.Condition(Expression.Lambda(test(v), v));
        return v;
    }

    private static Expression Engaged(ParameterExpression verdict) => Expression.Property(verdict, nameof(Verdict.Engaged));

    private static Expression Provisional(ParameterExpression verdict) => Expression.Property(verdict, nameof(Verdict.Provisional));

    private static Expression Test(string test, ParameterExpression verdict, string field) =>
        Expression.Call(OpsMethod(test), Expression.Property(verdict, field));

    /// <summary>Stages of the verdict tested together (a stage that was not evaluated is absent, which reads as no).</summary>
    private static Expression Stages(ParameterExpression verdict, params (string Field, string Test)[] stages) =>
        stages.Select(s => Test(s.Test, verdict, s.Field)).Aggregate(Expression.AndAlso);

    private static Expression EventTime(ProvisionNode node, IReadOnlyList<ScopeVariable> scope) =>
        node.EventTime!.Bind(node.Provision.Environment, scope, ConditionType.Instant, null)!;

    private static Expression AssumeInForce(ProvisionNode node) =>
        node.AssumeInForce?.Bind(node.Provision.Environment, [], ConditionType.YesNo, null) ?? Expression.Constant(Val.False);

    private void EmitExistentialBreach(ProvisionNode node)
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
            if (!versioned && TriedByReference(lhs, node, node.ViolationFrame, node.ViolatedWhen, subjectScope, (node, "breach"), Steps(node, "subject"),
                    scope => (node.ViolatedWhen!.Bind(node.Provision.Environment, scope, ConditionType.YesNo, null)!, null), test == nameof(Ops.IsUnknown)) is { } tried)
            {
                Act(rule, Call(test == nameof(Ops.IsTrue) ? nameof(RuleActions.ClaimEach) : nameof(RuleActions.TentativeClaimEach),
                    Const<RuleNode>(node), Expression.Constant(null, typeof(Claim)), subjectParam, FrameArray(subjectScope), tried));
                Add(rule);
                continue;
            }

            var scope = subjectScope.Concat(OwnPatterns(lhs, node, node.ViolationFrame, versioned ? null : node.ViolatedWhen, subjectScope, (node, "breach"), Steps(node, "subject"))).ToList();
            var (environment, findings) = WithFindings(lhs, node, scope, [node.ViolatedWhen, .. node.Versions.Select(v => v.ViolatedWhen)]);
            var val = Settled(lhs, ProvisionVersions.Select(node, Expression.Property(subjectParam, nameof(Verdict.EventTime)), v => v.ViolatedWhen, node.ViolatedWhen,
                source => source.Bind(environment, scope, ConditionType.YesNo, null)!), findings);
            AddCondition(lhs.Last!, Expression.Call(OpsMethod(test), val));
            Act(rule, test == nameof(Ops.IsTrue)
                ? Call(nameof(RuleActions.Claim), Const<RuleNode>(node), Expression.Constant(null, typeof(Claim)), subjectParam, FrameArray(scope))
                : Call(nameof(RuleActions.TentativeClaim), Const<RuleNode>(node), Expression.Constant(null, typeof(Claim)), subjectParam, FrameArray(scope), val));
            Add(rule);
        }

        foreach (var type in types)
        {
            var rule = NewRule(node, $"breach-existence-{type}", 0);
            var lhs = RootLhs(rule);
            var subjectParam = VerdictPattern(lhs, node, "subject", Engaged);
            ExistencePattern(lhs, type);
            Act(rule, Call(nameof(RuleActions.DoubtExistence), Expression.Convert(subjectParam, typeof(object)), Const(type)));
            Add(rule);
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
            Add(rule);
        }
    }

    private void EmitDuty(ProvisionNode node)
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

            if (TriedByReference(lhs, node, node.MetByFrame, node.MetBy, claimScope, (node, "discharge"), ClaimSteps(node), Discharged, test == nameof(Ops.IsUnknown)) is { } tried)
            {
                // One firing per duty, one discharge (or doubt) per fulfilling fact.
                Act(rule, Call(test == nameof(Ops.IsTrue) ? nameof(RuleActions.DischargeEach) : nameof(RuleActions.DutyDoubtEach), claim, tried));
                Add(rule);
                continue;
            }

            var own = OwnPatterns(lhs, node, node.MetByFrame, node.MetBy, claimScope, (node, "discharge"), ClaimSteps(node));
            var (val, at) = Discharged([.. claimScope, .. own]);
            AddCondition(lhs.Last!, Expression.Call(OpsMethod(test), val));
            Act(rule, test == nameof(Ops.IsTrue)
                ? Call(nameof(RuleActions.Discharge), claim, FrameArray(own), at!)
                : Call(nameof(RuleActions.DutyDoubt), claim, val));
            Add(rule);
        }

        foreach (var type in node.MetByFrame.SelectMany(v => v.TypeNames).Distinct(StringComparer.Ordinal))
        {
            var rule = NewRule(node, $"discharge-existence-{type}", 0);
            var lhs = RootLhs(rule);
            var (_, claim) = UndefeatedClaim(lhs, node, FileKinds.None);
            ExistencePattern(lhs, type);
            Act(rule, Call(nameof(RuleActions.DutyDoubtExistence), claim, Const(type)));
            Add(rule);
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
            Add(rule);
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
            Add(rule);
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
            Add(rule);
        }
    }

    private void EmitExceptionOutcomes(ProvisionNode node)
    {
        if (node.Children.Count > 0)
        {
            // The claim's standing exceptions, grouped by claim: one finding naming every exception that applies.
            var rule = NewRule(node, "exception-applies", OutcomePriority);
            var lhs = RootLhs(rule);
            var exceptions = GroupByClaim<Standing>(lhs, "exceptions", s => ChildOfNode(s, node), s => Expression.Property(Expression.Property(s, nameof(Standing.Claim)), nameof(Claim.Parent)));
            var claim = Expression.Property(exceptions, nameof(IGrouping<Claim, Standing>.Key));
            Act(rule, Call(nameof(RuleActions.ConcludeExceptions), Const(node), claim, exceptions));
            Add(rule);
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

            Add(rule);
        }
    }

    /// <summary>
    /// For a node and, recursively, its exceptions: when a claim stands, when it is unsettled, and how
    /// each child exception claims against it. A deeper exception defeats the claim it excepts.
    /// </summary>
    private void EmitClaimLogic(RuleNode node)
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
            Add(rule);
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
                Add(rule);
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
            Add(rule);
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
                Add(rule);
                if (child.Model.CarveOut is not null)
                {
                    EmitCarveOutDoubt(node, child, prevailing, childPriority);
                }

                EmitClaimLogic(child);
                continue;
            }

            foreach (var (suffix, test) in new[] { ("holds", nameof(Ops.IsTrue)), ("doubt", nameof(Ops.IsUnknown)) })
            {
                var rule = NewRule(child, suffix, childPriority);
                var lhs = RootLhs(rule);
                var parent = ClaimPattern(lhs, "parent", node);
                var parentScope = FromArray(parent, nameof(Claim.Bindings), node.ClaimFrame).ToList();
                if (TriedByReference(lhs, node.Provision, child.OwnFrame, child.When, parentScope, (child, "when"), ClaimSteps(node),
                        scope => (child.When!.Bind(node.Provision.Environment, scope, ConditionType.YesNo, null)!, null), test == nameof(Ops.IsUnknown)) is { } tried)
                {
                    // One firing per parent claim, one exception claim per combination that holds (or may).
                    Act(rule, Call(test == nameof(Ops.IsTrue) ? nameof(RuleActions.ClaimEach) : nameof(RuleActions.TentativeClaimEach),
                        Const<RuleNode>(child), parent, Expression.Constant(null, typeof(Verdict)), FrameArray(parentScope), tried));
                    Add(rule);
                    continue;
                }

                var scope = parentScope.Concat(OwnPatterns(lhs, node.Provision, child.OwnFrame, child.When, parentScope, (child, "when"), ClaimSteps(node))).ToList();
                var (environment, findings) = WithFindings(lhs, node.Provision, scope, child.When);
                var val = Settled(lhs, child.When!.Bind(environment, scope, ConditionType.YesNo, null)!, findings);
                AddCondition(lhs.Last!, Expression.Call(OpsMethod(test), val));
                Act(rule, test == nameof(Ops.IsTrue)
                    ? Call(nameof(RuleActions.Claim), Const<RuleNode>(child), parent, Expression.Constant(null, typeof(Verdict)), FrameArray(scope))
                    : Call(nameof(RuleActions.TentativeClaim), Const<RuleNode>(child), parent, Expression.Constant(null, typeof(Verdict)), FrameArray(scope), val));
                Add(rule);
            }

            foreach (var type in child.OwnFrame.SelectMany(v => v.TypeNames).Distinct(StringComparer.Ordinal))
            {
                var rule = NewRule(child, $"existence-{type}", childPriority);
                var lhs = RootLhs(rule);
                var parent = ClaimPattern(lhs, "parent", node);
                ExistencePattern(lhs, type);
                Act(rule, Call(nameof(RuleActions.DoubtExistence), Expression.Convert(parent, typeof(object)), Const(type)));
                Add(rule);
            }

            EmitClaimLogic(child);
        }
    }

    /// <summary>
    /// A permission that narrows the provision may be engaged on the claim's facts: its match holds, but whether it was in
    /// force or applies is unknown (and neither is no). The carve-out's claim is then tentative, naming what it depends on.
    /// </summary>
    private void EmitCarveOutDoubt(RuleNode node, ExceptionNode child, ProvisionNode permission, int priority)
    {
        var rule = NewRule(child, "carve-out-doubt", priority);
        var lhs = RootLhs(rule);
        var parent = ClaimPattern(lhs, "parent", node);
        var permit = VerdictPattern(lhs, permission, "permit", v => Expression.AndAlso(
            Expression.Not(Engaged(v)),
            Stages(v, (nameof(Verdict.Match), nameof(Ops.IsTrue)), (nameof(Verdict.InForce), nameof(Ops.IsNotFalse)), (nameof(Verdict.Applies), nameof(Ops.IsNotFalse)))));
        var shares = Expression.Call(typeof(RuleActions).GetMethod(nameof(RuleActions.Shares))!, Expression.Property(parent, nameof(Claim.Bindings)), Expression.Property(permit, nameof(Verdict.Bindings)));
        lhs.Last!.Condition(Expression.Lambda(shares, permit, parent));
        var doubt = Expression.Call(OpsMethod(nameof(Ops.And)), Expression.Property(permit, nameof(Verdict.InForce)), Expression.Property(permit, nameof(Verdict.Applies)));
        Act(rule, Call(nameof(RuleActions.TentativeClaim), Const<RuleNode>(child), parent, Expression.Constant(null, typeof(Verdict)), Expression.Property(parent, nameof(Claim.Bindings)), doubt));
        Add(rule);
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

    /// <summary>Conflicts between a provision and a permission of equal rank, neither prevailing, are reported.</summary>
    private void EmitContests(ImmutableArray<Contest> contests)
    {
        foreach (var contest in contests.Where(c => c.Kind == ContestKind.Conflict))
        {
            var rule = NewRule(contest.Provision, $"conflict-{contest.Permission.Id}", OutcomePriority);
            var lhs = RootLhs(rule);
            var claim = ClaimPattern(lhs, "claim", contest.Provision);
            NotChild(lhs, typeof(Standing), "standingChild", claim, contest.Provision);
            var permit = PermitPattern(lhs, contest.Permission, claim);
            Act(rule, Call(nameof(RuleActions.Conflict), Const(contest.Provision), Const(contest.Permission), claim, permit));
            Add(rule);
        }
    }

    // ---- Patterns ----------------------------------------------------------------------------

    /// <summary>A permission's engaged verdict that binds a fact of the claim: the conduct it allows is allowed for these facts.</summary>
    private static ParameterExpression PermitPattern(Lhs group, ProvisionNode permission, ParameterExpression claim)
    {
        var p = VerdictPattern(group, permission, "permit", Engaged);
        var shares = Expression.Call(typeof(RuleActions).GetMethod(nameof(RuleActions.Shares))!, Expression.Property(claim, nameof(Claim.Bindings)), Expression.Property(p, nameof(Verdict.Bindings)));
        group.Last!.Condition(Expression.Lambda(shares, p, claim));
        return p;
    }

    /// <summary>
    /// One pattern per variable of a frame. A variable that <paramref name="condition"/> ties by reference to one bound
    /// before it (<c>y == x.ref</c>, <c>y.ref == x</c>) is found by following that reference, through the session's
    /// <see cref="ReferenceIndex"/>, instead of joining every fact of its type: the join then costs one look-up per
    /// tuple, not one comparison per pair. Any other variable matches the facts of its type.
    /// </summary>
    /// <remarks>The join is recorded under <paramref name="join"/>, after the steps of the tuple it starts from, for the evaluation budget.</remarks>
    private List<ScopeVariable> OwnPatterns(Lhs group, ProvisionNode provision, ImmutableArray<FrameVariable> frame, ConditionSource? condition, IReadOnlyList<ScopeVariable> bound,
        (RuleNode, string) join, ImmutableArray<JoinStep> prefix)
    {
        var scope = new List<ScopeVariable>();
        var steps = prefix.ToBuilder();
        foreach (var variable in frame)
        {
            var name = Declaration(variable.Name);
            var p = Expression.Parameter(typeof(Fact), name);
            var own = new ScopeVariable(variable.Name, variable.Type, p) { Alternatives = variable.Types };
            var before = bound.Concat(scope).ToList();
            if (before.Count > 0 && condition?.Lookup(provision.Environment, before, own) is var (lookup, values))
            {
                var find = Expression.Call(Expression.Constant(lookup), nameof(FactLookup.Find), null, BindingEnvironment.ContextParameter, Expression.NewArrayInit(typeof(Val), values));
                group.Following(name, find);
                steps.Add(new JoinStep(variable.Type.Name, Followed: true));
            }
            else
            {
                var pattern = group.Pattern(typeof(Fact), name);
                if (variable.Type.Generated)
                {
                    pattern.Condition(Expression.Lambda(RecurringPeriods.IsOfType(p, variable.Type), p));
                    steps.Add(new JoinStep(variable.Type.Name, Followed: false));
                }
                else
                {
                    var typeName = Expression.Property(Expression.Property(p, nameof(Fact.Type)), nameof(Vocabulary.FactType.Name));
                    pattern.Condition(Expression.Lambda(OfTypes(typeName, variable), p));
                    steps.Add(new JoinStep(string.Join(" or ", variable.TypeNames), Followed: false) { Types = [.. variable.TypeNames] });
                }
            }

            scope.Add(own);
        }

        _joins[join] = steps.ToImmutable();
        return scope;
    }

    /// <summary>
    /// The combinations of a frame's facts found by following references from the facts bound before it, each tested by
    /// <paramref name="test"/>, as one NRules binding over the rule's tuple (<see cref="Candidates"/>), with the rule's agenda
    /// filter that some combination passes (<paramref name="unknown"/>: comes out unknown; otherwise yes). For the rules that start
    /// from a claim or a verdict, which arrive one firing at a time: a flattened sub-network would regroup every candidate
    /// of the session per claim. Null when some variable of the frame cannot be found by reference, or the condition tests
    /// findings or quantifies (those join as patterns, <see cref="OwnPatterns"/>).
    /// </summary>
    /// <remarks>The join is recorded under <paramref name="join"/> as <see cref="OwnPatterns"/> records it.</remarks>
    private ParameterExpression? TriedByReference(Lhs group, ProvisionNode provision, ImmutableArray<FrameVariable> frame, ConditionSource? condition, IReadOnlyList<ScopeVariable> bound,
        (RuleNode, string) join, ImmutableArray<JoinStep> prefix, Func<IReadOnlyList<ScopeVariable>, (Expression Value, Expression? At)> test, bool unknown)
    {
        if (frame.IsEmpty || condition is null || bound.Count == 0 || !condition.FindingReferences.IsEmpty || !condition.Quantifiers.IsEmpty)
        {
            return null;
        }

        var own = new List<ScopeVariable>();
        var finds = new List<Expression>();
        foreach (var variable in frame)
        {
            var p = Expression.Parameter(typeof(Fact), Declaration(variable.Name));
            var target = new ScopeVariable(variable.Name, variable.Type, p) { Alternatives = variable.Types };
            if (condition.Lookup(provision.Environment, [.. bound, .. own], target) is not var (lookup, values))
            {
                return null;
            }

            finds.Add(Expression.Call(Expression.Constant(lookup), nameof(FactLookup.Find), null, BindingEnvironment.ContextParameter, Expression.NewArrayInit(typeof(Val), values)));
            own.Add(target);
        }

        _joins[join] = [.. prefix, .. frame.Select(v => new JoinStep(v.Type.Name, Followed: true))];
        var (value, at) = test([.. bound, .. own]);
        Expression combinations = Expression.Call(typeof(Candidates).GetMethod(nameof(Candidates.One))!,
            Expression.NewArrayInit(typeof(Fact), own.Select(v => v.Fact)), value, at ?? Expression.Constant(Val.Absent));
        for (var i = own.Count - 1; i >= 0; i--)
        {
            var next = Expression.Lambda<Func<Fact, IEnumerable<Tried>>>(combinations, (ParameterExpression)own[i].Fact);
            combinations = Expression.Call(typeof(Candidates).GetMethod(nameof(Candidates.Each))!, finds[i], next);
        }

        // A plain binding node: a condition on the binding's pattern would make NRules join it as a sub-network again,
        // so whether some combination passes is the rule's agenda filter instead.
        // A test with no instant of its own (a breach's or an exception's condition, not a discharge's) reads facts alone.
        var tested = group.Bind("tried", Expression.Call(typeof(Candidates).GetMethod(nameof(Candidates.Test))!, BindingEnvironment.ContextParameter, combinations, Expression.Constant(unknown), Expression.Constant(at is null)));
        group.Rule.Filters().Filter(FilterType.Predicate, Expression.Lambda(Expression.Property(tested, nameof(Candidates.Any)), tested));
        return tested;
    }

    private ImmutableArray<JoinStep> Steps(RuleNode node, string join) => _joins.TryGetValue((node, join), out var steps) ? steps : [];

    /// <summary>The join steps of the tuples a node's claims bind.</summary>
    private ImmutableArray<JoinStep> ClaimSteps(RuleNode node) => node switch
    {
        ExceptionNode { Prevailing: not null } implied => ClaimSteps(implied.Parent),
        ExceptionNode exception => Steps(exception, "when"),
        ProvisionNode provision when !provision.ViolationFrame.IsEmpty && provision.Model.Modality != Modality.Obligation => Steps(provision, "breach"),
        _ => Steps(node, "subject"),
    };

    private static IEnumerable<ScopeVariable> FromArray(Expression owner, string property, ImmutableArray<FrameVariable> frame) =>
        frame.Select(v => new ScopeVariable(v.Name, v.Type, Expression.ArrayIndex(Expression.Property(owner, property), Expression.Constant(v.Slot))) { Alternatives = v.Types });

    private static ParameterExpression ClaimPattern(Lhs group, string name, RuleNode node, bool? tentative = null)
    {
        var pattern = group.Pattern(typeof(Claim), name);
        var p = Expression.Parameter(typeof(Claim), name);
        pattern.Condition(Expression.Lambda(Expression.Equal(Expression.Property(p, nameof(Claim.Node)), Expression.Constant(node, typeof(RuleNode))), p));
        if (tentative is { } wanted)
        {
            // A condition of its own after the node's, as in VerdictPattern: the node's alpha test is shared.
            pattern.Condition(Expression.Lambda(Expression.Equal(Expression.Property(p, nameof(Claim.IsTentative)), Expression.Constant(wanted)), p));
        }

        return p;
    }

    /// <summary>What the stand and unsettled rules weigh about a claim: the claim, its child exceptions' standing and unsettled claims, its doubts.</summary>
    private const FileKinds ClaimAndChildren = FileKinds.Self | FileKinds.StandingChild | FileKinds.UnsettledChild | FileKinds.Doubt;

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

    /// <summary>The conclusions of some kinds about each claim of a node, grouped by claim: one tuple per claim, found by hashing (<see cref="Files"/>).</summary>
    private static ParameterExpression ClaimFile(Lhs group, string name, RuleNode node, FileKinds kinds)
    {
        Expression Of(ParameterExpression item) => Expression.Call(typeof(Files).GetMethod(nameof(Files.ClaimOf))!, item, Expression.Constant(node, typeof(RuleNode)), Expression.Constant(kinds));
        return GroupBy<Claim, Conclusion>(group, name, item => Expression.NotEqual(Of(item), Expression.Constant(null, typeof(Claim))), Of);
    }

    /// <summary>The conclusions of some kinds about each subject of a provision, grouped by subject.</summary>
    private static ParameterExpression SubjectFile(Lhs group, string name, ProvisionNode node, FileKinds kinds)
    {
        Expression Of(ParameterExpression item) => Expression.Call(typeof(Files).GetMethod(nameof(Files.SubjectOf))!, item, Expression.Constant(node), Expression.Constant(kinds));
        return GroupBy<Verdict, Conclusion>(group, name, item => Expression.NotEqual(Of(item), Expression.Constant(null, typeof(Verdict))), Of);
    }

    private static Expression FileCall(string method, ParameterExpression file, params Expression[] arguments)
    {
        var info = typeof(Files).GetMethod(method)!;
        if (info.IsGenericMethodDefinition)
        {
            info = info.MakeGenericMethod(file.Type.GetGenericArguments()[0]);
        }

        return Expression.Call(info, [file, .. arguments]);
    }

    /// <summary>A standing claim of the node, matched as its Standing conclusion alone (no join with the claim).</summary>
    private static Expression StandingClaim(Lhs group, ProvisionNode node)
    {
        var standing = group.Pattern(typeof(Standing), "standing");
        var s = Expression.Parameter(typeof(Standing), "standing");
        standing.Condition(Expression.Lambda(OfNode(s, node), s));
        return Expression.Property(s, nameof(Standing.Claim));
    }

    private static void ExistencePattern(Lhs group, string type)
    {
        var pattern = group.Pattern(typeof(UnknownExistence), "existence");
        var p = Expression.Parameter(typeof(UnknownExistence), "existence");
        pattern.Condition(Expression.Lambda(Expression.Equal(Expression.Property(p, nameof(UnknownExistence.Type)), Expression.Constant(type)), p));
    }

    private static void NoExistenceDoubt(Lhs group, IReadOnlyList<string> types, string name)
    {
        if (types.Count == 0)
        {
            return;
        }

        var pattern = group.Group.Not().Pattern(typeof(UnknownExistence), name);
        var p = Expression.Parameter(typeof(UnknownExistence), name);
        var any = types.Select(t => (Expression)Expression.Equal(Expression.Property(p, nameof(UnknownExistence.Type)), Expression.Constant(t))).Aggregate(Expression.OrElse);
        pattern.Condition(Expression.Lambda(any, p));
    }

    /// <summary>
    /// An alpha test that keeps only conclusions about claims (or subjects) of one node, so the join that follows
    /// compares a claim with its own conclusions, not with every conclusion of the session.
    /// </summary>
    private static Expression OfNode(ParameterExpression item, RuleNode node)
    {
        Expression owner = item.Type == typeof(Doubt) ? Expression.Property(item, nameof(Doubt.OwnerNode))
            : item.Type == typeof(Claim) ? Expression.Property(item, nameof(Claim.Node))
            : Expression.Property(Expression.Property(item, "Claim"), nameof(Claim.Node));
        return Expression.Equal(owner, Expression.Constant(node, typeof(RuleNode)));
    }

    /// <summary>An alpha test that keeps only conclusions about exception claims whose parent is a claim of one node.</summary>
    private static Expression ChildOfNode(ParameterExpression item, RuleNode parentNode)
    {
        var parent = Expression.Property(Expression.Property(item, "Claim"), nameof(Claim.Parent));
        return Expression.AndAlso(
            Expression.NotEqual(parent, Expression.Constant(null, typeof(Claim))),
            Expression.Equal(Expression.Property(parent, nameof(Claim.Node)), Expression.Constant(parentNode, typeof(RuleNode))));
    }

    private static void NotChild(Lhs group, Type type, string name, Expression claim, RuleNode parentNode)
    {
        var pattern = group.Group.Not().Pattern(type, name);
        var p = Expression.Parameter(type, name);
        pattern.Condition(Expression.Lambda(ChildOfNode(p, parentNode), p));
        AddCondition(pattern, Expression.Equal(Expression.Property(Expression.Property(p, "Claim"), nameof(Claim.Parent)), claim));
    }

    /// <summary>The conclusions of one node's claims, grouped by claim, with no join: NRules groups them by key.</summary>
    private static ParameterExpression GroupByClaim<T>(Lhs group, string name, Func<ParameterExpression, Expression> alpha, Func<ParameterExpression, Expression> key) =>
        GroupBy<Claim, T>(group, name, alpha, key);

    private static ParameterExpression GroupBy<TKey, T>(Lhs group, string name, Func<ParameterExpression, Expression> alpha, Func<ParameterExpression, Expression> key)
    {
        var grouping = group.Pattern(typeof(IGrouping<TKey, T>), name);
        var aggregate = grouping.Aggregate();
        var itemName = name + "Item";
        var itemParam = Expression.Parameter(typeof(T), itemName);
        aggregate.GroupBy(Expression.Lambda(key(itemParam), itemParam), Expression.Lambda(itemParam, itemParam));
        var item = aggregate.Pattern(typeof(T), itemName);
        item.Condition(Expression.Lambda(alpha(itemParam), itemParam));
        return Expression.Parameter(typeof(IGrouping<TKey, T>), name);
    }

    private static void AddCondition(PatternBuilder pattern, Expression body) =>
        pattern.Condition(Expression.Lambda(body, ParameterCollector.Collect(body)));

    // ---- Rules and actions -------------------------------------------------------------------

    private static RuleBuilder NewRule(RuleNode node, string name, int priority)
    {
        var rule = new RuleBuilder();
        rule.Name(node.RuleName(name));
        rule.Priority(priority);
        rule.Tag(node.Provision.Id);
        return rule;
    }

    /// <summary>A rule's left-hand side, opened with the evaluation context (dropped by <see cref="Add"/> when the rule does not read it).</summary>
    private static Lhs RootLhs(RuleBuilder rule)
    {
        var lhs = new Lhs(rule, rule.LeftHandSide());
        lhs.Pattern(typeof(EvaluationContext), BindingEnvironment.ContextParameter.Name!);
        return lhs;
    }

    /// <summary>
    /// Adds a rule, without the evaluation context's pattern when none of its conditions or actions reads it (no
    /// reading, no as-of instant, no reference look-up): such a rule does not join the context at all.
    /// </summary>
    private void Add(RuleBuilder rule)
    {
        var definition = rule.Build();
        var children = definition.LeftHandSide.ChildElements;
        if ((children.Count > 0 ? children[0] : null) is PatternElement context && context.Declaration.Name == BindingEnvironment.ContextParameter.Name &&
            !children.Skip(1).Any(e => e.Imports.Contains(context.Declaration)) && !definition.RightHandSide.Imports.Contains(context.Declaration))
        {
            definition = Element.RuleDefinition(definition.Name, definition.Description, definition.Priority, definition.Repeatability, definition.Tags,
                definition.Properties, definition.DependencyGroup, Element.AndGroup(children.Skip(1)), definition.FilterGroup, definition.RightHandSide);
        }

        _rules.Add(definition);
    }

    private static void Act(RuleBuilder rule, Expression call)
    {
        var parameters = new List<ParameterExpression> { Ctx };
        parameters.AddRange(ParameterCollector.Collect(call).Where(p => p != Ctx));
        rule.RightHandSide().Action(Expression.Lambda(call, parameters));
    }

    private static Expression Call(string method, params Expression[] arguments) =>
        Expression.Call(typeof(RuleActions).GetMethod(method)!, [Ctx, .. arguments]);

    private static ConstantExpression Const<T>(T value) => Expression.Constant(value, typeof(T));

    private static Expression EmptyFacts() => Expression.Constant(Array.Empty<Fact>());

    private static Expression FrameArray(IEnumerable<ScopeVariable> scope) =>
        Expression.NewArrayInit(typeof(Fact), scope.Select(v => v.Fact));

    private static string Declaration(string variable) => "v_" + variable;

    private static System.Reflection.MethodInfo OpsMethod(string name) => typeof(Ops).GetMethod(name)!;

    /// <summary>A rule's left-hand side, remembering its last pattern so a condition can join onto it.</summary>
    private sealed class Lhs(RuleBuilder rule, GroupBuilder group)
    {
        public RuleBuilder Rule { get; } = rule;

        public GroupBuilder Group { get; } = group;

        public PatternBuilder? Last { get; private set; }

        public PatternBuilder Pattern(Type type, string name) => Last = Group.Pattern(type, name);

        /// <summary>An NRules binding (the fluent DSL's <c>Let</c>): a value computed once per tuple, joined onto as a pattern.</summary>
        public ParameterExpression Let(string name, Expression value) => Bind(name, value);

        /// <summary>An NRules binding of any type: a value computed once per tuple.</summary>
        public ParameterExpression Bind(string name, Expression value)
        {
            Pattern(value.Type, name).Binding().BindingExpression(Expression.Lambda(value, ParameterCollector.Collect(value)));
            return Expression.Parameter(value.Type, name);
        }

        /// <summary>
        /// A pattern over the facts an expression finds (an array of facts, one tuple each): NRules' binding of the
        /// array, flattened. Conditions then join onto it as onto any pattern.
        /// </summary>
        public PatternBuilder Following(string name, Expression find)
        {
            var pattern = Pattern(typeof(Fact), name);
            var aggregate = pattern.Aggregate();
            var candidatesName = name + "_candidates";
            var candidates = Expression.Parameter(typeof(Fact[]), candidatesName);
            aggregate.Flatten(Expression.Lambda(Expression.Convert(candidates, typeof(IEnumerable<Fact>)), candidates));
            var source = aggregate.Pattern(typeof(Fact[]), candidatesName);
            source.Binding().BindingExpression(Expression.Lambda(find, ParameterCollector.Collect(find)));
            return pattern;
        }
    }

    /// <summary>Finds the parameters an expression uses, so a lambda declares exactly those.</summary>
    private sealed class ParameterCollector : ExpressionVisitor
    {
        private readonly List<ParameterExpression> _found = [];
        private readonly HashSet<ParameterExpression> _inner = [];

        public static ParameterExpression[] Collect(Expression expression)
        {
            var collector = new ParameterCollector();
            collector.Visit(expression);
            return [.. collector._found];
        }

        /// <summary>A nested lambda's own parameters (a quantifier's member) are not the rule's.</summary>
        protected override Expression VisitLambda<T>(Expression<T> node)
        {
            _inner.UnionWith(node.Parameters);
            return base.VisitLambda(node);
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            if (!_found.Contains(node) && !_inner.Contains(node))
            {
                _found.Add(node);
            }

            return node;
        }
    }
}
