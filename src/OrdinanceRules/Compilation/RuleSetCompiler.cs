using System.Collections.Immutable;
using System.Linq.Expressions;
using NRules;
using NRules.RuleModel;
using NRules.RuleModel.Builders;
using OrdinanceRules.Conditions;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Evaluation;
using OrdinanceRules.Facts;
using OrdinanceRules.Model;

namespace OrdinanceRules.Compilation;

/// <summary>
/// Where a provision becomes NRules rules. Each provision and exception is compiled, through
/// NRules.RuleModel's builders, into rules whose patterns match scenario facts (joined in the Rete
/// network) and whose actions insert linked conclusions; the status of every finding is decided by
/// these rules, and docs/concepts.md describes the rules a provision yields.
/// </summary>
internal sealed class RuleSetCompiler
{
    private const int OutcomePriority = -100;

    private static readonly ParameterExpression Ctx = Expression.Parameter(typeof(IContext), "ctx");

    private readonly Ordinance _ordinance;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly List<IRuleDefinition> _rules = [];

    private RuleSetCompiler(Ordinance ordinance) => _ordinance = ordinance;

    /// <summary>Binds an ordinance's conditions and compiles its provisions into one NRules session factory.</summary>
    /// <param name="ordinance">The ordinance.</param>
    /// <param name="fastExpressionCompiler">
    /// False compiles NRules' expressions with its default <c>Expression.Compile</c>; only the benchmarks
    /// pass it, to measure what FastExpressionCompiler saves.
    /// </param>
    public static Result<CompiledOrdinance> Compile(Ordinance ordinance, bool fastExpressionCompiler = true)
    {
        var compiler = new RuleSetCompiler(ordinance);
        var nodes = new OrdinanceBinder(ordinance, compiler._diagnostics).Bind();
        if (compiler._diagnostics.Count > 0)
        {
            return Result<CompiledOrdinance>.Failure(compiler._diagnostics);
        }

        foreach (var node in nodes)
        {
            compiler.EmitProvision(node);
        }

        if (compiler._diagnostics.Count > 0)
        {
            return Result<CompiledOrdinance>.Failure(compiler._diagnostics);
        }

        var ruleCompiler = fastExpressionCompiler ? new RuleCompiler { ExpressionCompiler = new FastExpressionCompilerAdapter() } : new RuleCompiler();
        var factory = ruleCompiler.Compile(compiler._rules);
        return Result<CompiledOrdinance>.Success(new CompiledOrdinance(ordinance, factory, new RuleCatalog(nodes, compiler._rules.Count)));
    }

    private void EmitProvision(ProvisionNode node)
    {
        var model = node.Model;
        var types = node.SubjectFrame.Select(v => v.Type.Name).Distinct(StringComparer.Ordinal).ToList();

        // No combination of facts matches at all: one NotApplicable finding.
        {
            var rule = NewRule(node, "no-match", OutcomePriority);
            var lhs = new Lhs(rule.LeftHandSide());
            var absent = new Lhs(lhs.Group.Not().Group(GroupType.And));
            var scope = SubjectPatterns(absent, node, withMatch: true);
            if (scope is null)
            {
                return;
            }

            NoExistenceDoubt(lhs, types, "existence");
            Act(rule, Call(nameof(RuleActions.Conclude), Const(node), Const(FindingStatus.NotApplicable), Const("no-match"), EmptyFacts()));
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

        // applies-when false or unknown.
        if (node.AppliesWhen is not null)
        {
            EmitSubjectRule(node, "not-applicable", node.AppliesWhen, nameof(Ops.IsFalse), OutcomePriority, (scope, bindings, val) =>
                Call(nameof(RuleActions.Conclude), Const(node), Const(FindingStatus.NotApplicable), Const("scope"), bindings));
            EmitSubjectRule(node, "scope-unknown", node.AppliesWhen, nameof(Ops.IsUnknown), OutcomePriority, (scope, bindings, val) =>
                Call(nameof(RuleActions.ConcludeUnknown), Const(node), Const("scope-unknown"), bindings, val));
        }

        if (model.Modality == Modality.Obligation)
        {
            EmitSubjectRule(node, "duty", null, null, 0, (scope, bindings, val) =>
                Call(nameof(RuleActions.Claim), Const<RuleNode>(node), Expression.Constant(null, typeof(Claim)), Expression.Constant(null, typeof(Subject)), bindings));
            EmitDuty(node);
        }
        else if (node.ViolationFrame.IsEmpty)
        {
            EmitSubjectRule(node, "breach", node.ViolatedWhen, nameof(Ops.IsTrue), 0, (scope, bindings, val) =>
                Call(nameof(RuleActions.Claim), Const<RuleNode>(node), Expression.Constant(null, typeof(Claim)), Expression.Constant(null, typeof(Subject)), bindings));
            EmitSubjectRule(node, "complied", node.ViolatedWhen, nameof(Ops.IsFalse), OutcomePriority, (scope, bindings, val) =>
                Call(nameof(RuleActions.Conclude), Const(node), Const(FindingStatus.Complied), Const("no-breach"), bindings));
            EmitSubjectRule(node, "breach-unknown", node.ViolatedWhen, nameof(Ops.IsUnknown), OutcomePriority, (scope, bindings, val) =>
                Call(nameof(RuleActions.ConcludeUnknown), Const(node), Const("breach-unknown"), bindings, val));
        }
        else
        {
            EmitExistentialBreach(node);
        }

        if (model.Modality != Modality.Obligation)
        {
            var rule = NewRule(node, "violated", OutcomePriority);
            var lhs = new Lhs(rule.LeftHandSide());
            var claim = ClaimPattern(lhs, "claim", node);
            var standing = lhs.Pattern(typeof(Standing), "standing");
            var s = Expression.Parameter(typeof(Standing), "standing");
            standing.Condition(Expression.Lambda(Expression.Equal(Expression.Property(s, nameof(Standing.Claim)), claim), s, claim));
            Act(rule, Call(nameof(RuleActions.ConcludeViolated), Const(node), claim));
            Add(rule);
        }

        EmitExceptionOutcomes(node);
        EmitClaimLogic(node);
    }

    /// <summary>A rule over the provision's subject facts, with an optional three-valued test of a condition.</summary>
    private void EmitSubjectRule(ProvisionNode node, string name, ConditionSource? condition, string? test, int priority,
        Func<IReadOnlyList<ScopeVariable>, Expression, Expression, Expression> action)
    {
        var rule = NewRule(node, name, priority);
        var lhs = new Lhs(rule.LeftHandSide());
        var scope = SubjectPatterns(lhs, node, withMatch: true);
        if (scope is null)
        {
            return;
        }

        var conditions = new List<Expression>();
        if (node.AppliesWhen is not null && condition != node.AppliesWhen)
        {
            var applies = node.AppliesWhen.Bind(_ordinance.Vocabulary, scope, ConditionType.YesNo, null);
            conditions.Add(Expression.Call(OpsMethod(nameof(Ops.IsTrue)), applies!));
        }

        Expression val = Expression.Constant(Val.True);
        if (condition is not null)
        {
            val = condition.Bind(_ordinance.Vocabulary, scope, ConditionType.YesNo, null)!;
            conditions.Add(Expression.Call(OpsMethod(test!), val));
        }

        if (conditions.Count > 0)
        {
            AddCondition(lhs.Last!, conditions.Aggregate(Expression.AndAlso));
        }

        Act(rule, action(scope, FrameArray(scope), val));
        Add(rule);
    }

    private void EmitExistentialBreach(ProvisionNode node)
    {
        EmitSubjectRule(node, "subject", null, null, 0, (scope, bindings, val) => Call(nameof(RuleActions.Subject), Const(node), bindings));
        var subjectParam = Expression.Parameter(typeof(Subject), "subject");
        var types = node.ViolationFrame.Select(v => v.Type.Name).Distinct(StringComparer.Ordinal).ToList();

        // Some further fact makes the breach true, or unknown.
        foreach (var (suffix, test) in new[] { ("breach", nameof(Ops.IsTrue)), ("breach-doubt", nameof(Ops.IsUnknown)) })
        {
            var rule = NewRule(node, suffix, 0);
            var lhs = new Lhs(rule.LeftHandSide());
            SubjectPattern(lhs, node, subjectParam);
            var scope = FromArray(subjectParam, nameof(Subject.Bindings), node.SubjectFrame).Concat(OwnPatterns(lhs, node.ViolationFrame)).ToList();
            var val = node.ViolatedWhen!.Bind(_ordinance.Vocabulary, scope, ConditionType.YesNo, null)!;
            AddCondition(lhs.Last!, Expression.Call(OpsMethod(test), val));
            Act(rule, test == nameof(Ops.IsTrue)
                ? Call(nameof(RuleActions.Claim), Const<RuleNode>(node), Expression.Constant(null, typeof(Claim)), subjectParam, FrameArray(scope))
                : Call(nameof(RuleActions.Doubt), Expression.Convert(subjectParam, typeof(object)), val));
            Add(rule);
        }

        foreach (var type in types)
        {
            var rule = NewRule(node, $"breach-existence-{type}", 0);
            var lhs = new Lhs(rule.LeftHandSide());
            SubjectPattern(lhs, node, subjectParam);
            ExistencePattern(lhs, type);
            Act(rule, Call(nameof(RuleActions.DoubtExistence), Expression.Convert(subjectParam, typeof(object)), Const(type)));
            Add(rule);
        }

        // No further fact makes the breach true: complied, or undetermined when one makes it unknown.
        {
            var rule = NewRule(node, "complied", OutcomePriority);
            var lhs = new Lhs(rule.LeftHandSide());
            SubjectPattern(lhs, node, subjectParam);
            NotOwned(lhs, typeof(Claim), "claim", nameof(Claim.Subject), subjectParam);
            NotOwned(lhs, typeof(Doubt), "doubt", nameof(Doubt.Owner), subjectParam);
            Act(rule, Call(nameof(RuleActions.Conclude), Const(node), Const(FindingStatus.Complied), Const("no-breach"), Expression.Property(subjectParam, nameof(Subject.Bindings))));
            Add(rule);
        }

        {
            var rule = NewRule(node, "breach-unknown", OutcomePriority);
            var lhs = new Lhs(rule.LeftHandSide());
            SubjectPattern(lhs, node, subjectParam);
            NotOwned(lhs, typeof(Claim), "claim", nameof(Claim.Subject), subjectParam);
            var doubts = CollectOwned<Doubt>(lhs, "doubts", nameof(Doubt.Owner), subjectParam);
            Act(rule, Call(nameof(RuleActions.ConcludeDoubts), Const(node), Const("breach-unknown"), Expression.Property(subjectParam, nameof(Subject.Bindings)), doubts));
            Add(rule);
        }
    }

    private void EmitDuty(ProvisionNode node)
    {
        var clockParam = Expression.Parameter(typeof(EvaluationClock), "clock");
        var asOf = Expression.Call(OpsMethod(nameof(Ops.OfInstant)), Expression.Property(clockParam, nameof(EvaluationClock.AsOf)));

        Expression Due(IReadOnlyList<ScopeVariable> scope)
        {
            var deadline = node.Model.Duty!.Deadline;
            if (deadline is null)
            {
                return Expression.Constant(Val.Absent);
            }

            var from = node.DeadlineFrom!.Bind(_ordinance.Vocabulary, scope, ConditionType.Instant, null)!;
            return Expression.Call(OpsMethod(nameof(Ops.Add)), from, Expression.Constant(Val.Known(deadline.Within)));
        }

        Expression Le(Expression a, Expression b) => Expression.Call(OpsMethod(nameof(Ops.Compare)), a, b, Expression.Constant(1));
        Expression And(Expression a, Expression b) => Expression.Call(OpsMethod(nameof(Ops.And)), a, b);

        // A fulfilling fact, done by the due instant and by the as-of instant; or one that may be.
        foreach (var (suffix, test) in new[] { ("discharge", nameof(Ops.IsTrue)), ("discharge-doubt", nameof(Ops.IsUnknown)) })
        {
            var rule = NewRule(node, suffix, 0);
            var lhs = new Lhs(rule.LeftHandSide());
            var claim = StandingClaim(lhs, node);
            var claimScope = FromArray(claim, nameof(Claim.Bindings), node.ClaimFrame).ToList();
            var clockPattern = lhs.Pattern(typeof(EvaluationClock), "clock");
            var own = OwnPatterns(lhs, node.MetByFrame);
            var scope = claimScope.Concat(own).ToList();
            var metBy = node.MetBy!.Bind(_ordinance.Vocabulary, scope, ConditionType.YesNo, null)!;
            var at = node.MetAt!.Bind(_ordinance.Vocabulary, scope, ConditionType.Instant, null)!;
            var due = Due(claimScope);
            var inTime = node.Model.Duty!.Deadline is null ? Le(at, asOf) : And(Le(at, due), Le(at, asOf));
            var val = And(metBy, inTime);
            AddCondition(own.Count > 0 ? lhs.Last! : clockPattern, Expression.Call(OpsMethod(test), val));
            Act(rule, test == nameof(Ops.IsTrue)
                ? Call(nameof(RuleActions.Discharge), claim, FrameArray(own), at)
                : Call(nameof(RuleActions.DutyDoubt), claim, val));
            Add(rule);
        }

        foreach (var type in node.MetByFrame.Select(v => v.Type.Name).Distinct(StringComparer.Ordinal))
        {
            var rule = NewRule(node, $"discharge-existence-{type}", 0);
            var lhs = new Lhs(rule.LeftHandSide());
            var claim = StandingClaim(lhs, node);
            ExistencePattern(lhs, type);
            Act(rule, Call(nameof(RuleActions.DutyDoubtExistence), claim, Const(type)));
            Add(rule);
        }

        // Discharged: complied.
        {
            var rule = NewRule(node, "complied", OutcomePriority);
            var lhs = new Lhs(rule.LeftHandSide());
            var claim = StandingClaim(lhs, node);
            var discharges = CollectOwned<Discharge>(lhs, "discharges", nameof(Discharge.Claim), claim);
            var due = Due(FromArray(claim, nameof(Claim.Bindings), node.ClaimFrame).ToList());
            Act(rule, Call(nameof(RuleActions.ConcludeDischarged), Const(node), claim, discharges, due));
            Add(rule);
        }

        // Not discharged: pending, violated or undetermined by the deadline; or undetermined by a doubt.
        foreach (var (suffix, status, test, comparison) in new[]
        {
            ("pending", FindingStatus.Pending, nameof(Ops.IsFalse), 2),
            ("deadline-passed", FindingStatus.Violated, nameof(Ops.IsTrue), 2),
            ("deadline-unknown", FindingStatus.Undetermined, nameof(Ops.IsUnknown), 2),
        })
        {
            var rule = NewRule(node, suffix, OutcomePriority);
            var lhs = new Lhs(rule.LeftHandSide());
            var claim = StandingClaim(lhs, node);
            NotOwned(lhs, typeof(Discharge), "discharge", nameof(Discharge.Claim), claim);
            NotOwned(lhs, typeof(DutyDoubt), "dutyDoubt", nameof(DutyDoubt.Claim), claim);
            var clock = lhs.Pattern(typeof(EvaluationClock), "clock");
            var due = Due(FromArray(claim, nameof(Claim.Bindings), node.ClaimFrame).ToList());
            var late = Expression.Call(OpsMethod(nameof(Ops.Compare)), asOf, due, Expression.Constant(comparison));
            AddCondition(clock, Expression.Call(OpsMethod(test), late));
            Act(rule, Call(nameof(RuleActions.ConcludeDeadline), Const(node), claim, Const(status), due));
            Add(rule);
        }

        {
            var rule = NewRule(node, "discharge-unknown", OutcomePriority);
            var lhs = new Lhs(rule.LeftHandSide());
            var claim = StandingClaim(lhs, node);
            NotOwned(lhs, typeof(Discharge), "discharge", nameof(Discharge.Claim), claim);
            var doubts = CollectOwned<DutyDoubt>(lhs, "dutyDoubts", nameof(DutyDoubt.Claim), claim);
            var due = Due(FromArray(claim, nameof(Claim.Bindings), node.ClaimFrame).ToList());
            Act(rule, Call(nameof(RuleActions.ConcludeDutyDoubts), Const(node), claim, doubts, due));
            Add(rule);
        }
    }

    private void EmitExceptionOutcomes(ProvisionNode node)
    {
        if (node.Children.Count == 0)
        {
            return;
        }

        {
            var rule = NewRule(node, "exception-applies", OutcomePriority);
            var lhs = new Lhs(rule.LeftHandSide());
            var claim = ClaimPattern(lhs, "claim", node);
            var standing = CollectChildren<Standing>(lhs, "exceptions", claim);
            Act(rule, Call(nameof(RuleActions.ConcludeExceptions), Const(node), claim, standing));
            Add(rule);
        }

        {
            var rule = NewRule(node, "exception-unknown", OutcomePriority);
            var lhs = new Lhs(rule.LeftHandSide());
            var claim = ClaimPattern(lhs, "claim", node);
            var unsettled = CollectOwned<Unsettled>(lhs, "unsettled", nameof(Unsettled.Claim), claim);
            Act(rule, Call(nameof(RuleActions.ConcludeUnsettled), Const(node), claim, unsettled));
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
            var lhs = new Lhs(rule.LeftHandSide());
            var claim = ClaimPattern(lhs, "claim", node);
            if (node.Children.Count > 0)
            {
                NotChild(lhs, typeof(Standing), "standingChild", claim);
                NotChild(lhs, typeof(Unsettled), "unsettledChild", claim);
                NotOwned(lhs, typeof(Doubt), "doubt", nameof(Doubt.Owner), claim);
            }

            Act(rule, Call(nameof(RuleActions.Stand), claim));
            Add(rule);
        }

        if (node.Children.Count == 0)
        {
            return;
        }

        {
            var rule = NewRule(node, "unsettled-by-doubt", priority);
            var lhs = new Lhs(rule.LeftHandSide());
            var claim = ClaimPattern(lhs, "claim", node);
            NotChild(lhs, typeof(Standing), "standingChild", claim);
            var doubts = CollectOwned<Doubt>(lhs, "doubts", nameof(Doubt.Owner), claim);
            Act(rule, Call(nameof(RuleActions.Unsettle), claim, doubts));
            Add(rule);
        }

        {
            var rule = NewRule(node, "unsettled-by-exception", priority);
            var lhs = new Lhs(rule.LeftHandSide());
            var claim = ClaimPattern(lhs, "claim", node);
            NotChild(lhs, typeof(Standing), "standingChild", claim);
            var children = CollectChildren<Unsettled>(lhs, "unsettledChildren", claim);
            Act(rule, Call(nameof(RuleActions.UnsettleByChildren), claim, children));
            Add(rule);
        }

        foreach (var child in node.Children)
        {
            var childPriority = 10 * (child.Depth + 1);
            foreach (var (suffix, test) in new[] { ("holds", nameof(Ops.IsTrue)), ("doubt", nameof(Ops.IsUnknown)) })
            {
                var rule = NewRule(child, suffix, childPriority);
                var lhs = new Lhs(rule.LeftHandSide());
                var parent = ClaimPattern(lhs, "parent", node);
                var scope = FromArray(parent, nameof(Claim.Bindings), node.ClaimFrame).Concat(OwnPatterns(lhs, child.OwnFrame)).ToList();
                var val = child.When!.Bind(_ordinance.Vocabulary, scope, ConditionType.YesNo, null)!;
                AddCondition(lhs.Last!, Expression.Call(OpsMethod(test), val));
                Act(rule, test == nameof(Ops.IsTrue)
                    ? Call(nameof(RuleActions.Claim), Const<RuleNode>(child), parent, Expression.Constant(null, typeof(Subject)), FrameArray(scope))
                    : Call(nameof(RuleActions.Doubt), Expression.Convert(parent, typeof(object)), val));
                Add(rule);
            }

            foreach (var type in child.OwnFrame.Select(v => v.Type.Name).Distinct(StringComparer.Ordinal))
            {
                var rule = NewRule(child, $"existence-{type}", childPriority);
                var lhs = new Lhs(rule.LeftHandSide());
                var parent = ClaimPattern(lhs, "parent", node);
                ExistencePattern(lhs, type);
                Act(rule, Call(nameof(RuleActions.DoubtExistence), Expression.Convert(parent, typeof(object)), Const(type)));
                Add(rule);
            }

            EmitClaimLogic(child);
        }
    }

    // ---- Patterns ----------------------------------------------------------------------------

    /// <summary>One pattern per subject variable, each filtered to its fact type; the match condition on the last.</summary>
    private List<ScopeVariable>? SubjectPatterns(Lhs group, ProvisionNode node, bool withMatch)
    {
        var scope = OwnPatterns(group, node.SubjectFrame);
        if (withMatch && node.Match is not null)
        {
            var match = node.Match.Bind(_ordinance.Vocabulary, scope, ConditionType.YesNo, null);
            if (match is null)
            {
                return null;
            }

            AddCondition(group.Last!, Expression.Call(OpsMethod(nameof(Ops.IsTrue)), match));
        }

        return scope;
    }

    private static List<ScopeVariable> OwnPatterns(Lhs group, ImmutableArray<FrameVariable> frame)
    {
        var scope = new List<ScopeVariable>();
        foreach (var variable in frame)
        {
            var name = Declaration(variable.Name);
            var pattern = group.Pattern(typeof(Fact), name);
            var p = Expression.Parameter(typeof(Fact), name);
            var typeName = Expression.Property(Expression.Property(p, nameof(Fact.Type)), nameof(Vocabulary.FactType.Name));
            pattern.Condition(Expression.Lambda(Expression.Equal(typeName, Expression.Constant(variable.Type.Name)), p));
            scope.Add(new ScopeVariable(variable.Name, variable.Type, p));
        }

        return scope;
    }

    private static IEnumerable<ScopeVariable> FromArray(ParameterExpression owner, string property, ImmutableArray<FrameVariable> frame) =>
        frame.Select(v => new ScopeVariable(v.Name, v.Type, Expression.ArrayIndex(Expression.Property(owner, property), Expression.Constant(v.Slot))));

    private static ParameterExpression ClaimPattern(Lhs group, string name, RuleNode node)
    {
        var pattern = group.Pattern(typeof(Claim), name);
        var p = Expression.Parameter(typeof(Claim), name);
        pattern.Condition(Expression.Lambda(Expression.Equal(Expression.Property(p, nameof(Claim.Node)), Expression.Constant(node, typeof(RuleNode))), p));
        return p;
    }

    private static ParameterExpression StandingClaim(Lhs group, ProvisionNode node)
    {
        var claim = ClaimPattern(group, "claim", node);
        var standing = group.Pattern(typeof(Standing), "standing");
        var s = Expression.Parameter(typeof(Standing), "standing");
        standing.Condition(Expression.Lambda(Expression.Equal(Expression.Property(s, nameof(Standing.Claim)), claim), s, claim));
        return claim;
    }

    private static void SubjectPattern(Lhs group, ProvisionNode node, ParameterExpression subject)
    {
        var pattern = group.Pattern(typeof(Subject), subject.Name!);
        pattern.Condition(Expression.Lambda(Expression.Equal(Expression.Property(subject, nameof(Subject.Node)), Expression.Constant(node)), subject));
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

    private static void NotOwned(Lhs group, Type type, string name, string ownerProperty, ParameterExpression owner)
    {
        var pattern = group.Group.Not().Pattern(type, name);
        var p = Expression.Parameter(type, name);
        Expression property = Expression.Property(p, ownerProperty);
        Expression target = owner;
        if (property.Type != owner.Type)
        {
            target = Expression.Convert(owner, property.Type);
        }

        pattern.Condition(Expression.Lambda(Expression.Equal(property, target), p, owner));
    }

    private static void NotChild(Lhs group, Type type, string name, ParameterExpression claim)
    {
        var pattern = group.Group.Not().Pattern(type, name);
        var p = Expression.Parameter(type, name);
        var parent = Expression.Property(Expression.Property(p, "Claim"), nameof(Claim.Parent));
        pattern.Condition(Expression.Lambda(Expression.Equal(parent, claim), p, claim));
    }

    private static ParameterExpression CollectOwned<T>(Lhs group, string name, string ownerProperty, ParameterExpression owner)
    {
        return Collect<T>(group, name, item =>
        {
            Expression property = Expression.Property(item, ownerProperty);
            return Expression.Equal(property, property.Type != owner.Type ? Expression.Convert(owner, property.Type) : owner);
        }, owner);
    }

    private static ParameterExpression CollectChildren<T>(Lhs group, string name, ParameterExpression claim) =>
        Collect<T>(group, name, item => Expression.Equal(Expression.Property(Expression.Property(item, "Claim"), nameof(Claim.Parent)), claim), claim);

    private static ParameterExpression Collect<T>(Lhs group, string name, Func<ParameterExpression, Expression> belongs, ParameterExpression owner)
    {
        var collection = group.Pattern(typeof(IEnumerable<T>), name);
        var aggregate = collection.Aggregate();
        aggregate.Collect();
        var itemName = name + "Item";
        var item = aggregate.Pattern(typeof(T), itemName);
        var itemParam = Expression.Parameter(typeof(T), itemName);
        item.Condition(Expression.Lambda(belongs(itemParam), itemParam, owner));
        var collectionParam = Expression.Parameter(typeof(IEnumerable<T>), name);
        collection.Condition(Expression.Lambda(Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [typeof(T)], collectionParam), collectionParam));
        return collectionParam;
    }

    private static void AddCondition(PatternBuilder pattern, Expression body) =>
        pattern.Condition(Expression.Lambda(body, ParameterCollector.Collect(body)));

    // ---- Rules and actions -------------------------------------------------------------------

    private RuleBuilder NewRule(RuleNode node, string name, int priority)
    {
        var rule = new RuleBuilder();
        rule.Name($"{node.Provision.Id}{(node is ExceptionNode ? "/" + node.Id : string.Empty)}/{name}");
        rule.Priority(priority);
        rule.Tag(node.Provision.Id);
        return rule;
    }

    private void Add(RuleBuilder rule) => _rules.Add(rule.Build());

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
    private sealed class Lhs(GroupBuilder group)
    {
        public GroupBuilder Group { get; } = group;

        public PatternBuilder? Last { get; private set; }

        public PatternBuilder Pattern(Type type, string name) => Last = Group.Pattern(type, name);
    }

    /// <summary>Finds the parameters an expression uses, so a lambda declares exactly those.</summary>
    private sealed class ParameterCollector : ExpressionVisitor
    {
        private readonly List<ParameterExpression> _found = [];

        public static ParameterExpression[] Collect(Expression expression)
        {
            var collector = new ParameterCollector();
            collector.Visit(expression);
            return [.. collector._found];
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            if (!_found.Contains(node))
            {
                _found.Add(node);
            }

            return node;
        }
    }
}
