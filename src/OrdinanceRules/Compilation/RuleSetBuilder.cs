using System.Collections.Immutable;
using System.Linq.Expressions;
using NRules.RuleModel;
using NRules.RuleModel.Builders;
using OrdinanceRules.Conditions;
using OrdinanceRules.Facts;
using OrdinanceRules.Model;
using static OrdinanceRules.Compilation.Patterns;

namespace OrdinanceRules.Compilation;

/// <summary>
/// What the emitters share while they build one rule set (as NRules' <c>ReteBuilder</c> serves its <c>RuleCompiler</c>):
/// the rules built so far, the join plan of each rule that joins further facts, the findings collected as facts, and
/// the pieces every rule is made of (a rule named after its node, its left-hand side opened with the evaluation context,
/// its action calling <see cref="RuleActions"/>).
/// </summary>
internal sealed class RuleSetBuilder(IReadOnlyList<ProvisionNode> provisions)
{
    /// <summary>The priority of the rules that conclude an outcome: they fire after every claim and exception has settled.</summary>
    public const int OutcomePriority = -100;

    private static readonly ParameterExpression Ctx = Expression.Parameter(typeof(IContext), "ctx");

    private readonly List<IRuleDefinition> _rules = [];
    private readonly Dictionary<(RuleNode Node, string Join), ImmutableArray<JoinStep>> _joins = [];

    /// <summary>The rules built, in the order they were added.</summary>
    public IReadOnlyList<IRuleDefinition> Rules => _rules;

    /// <summary>The join plans recorded, one per rule join, for the evaluation budget.</summary>
    public ImmutableArray<JoinPlan> JoinPlans => [.. _joins.Select(j => new JoinPlan(j.Key.Node.Provision.Id, j.Value))];

    /// <summary>Findings as facts: the aggregates a rule adds for the findings its conditions test.</summary>
    public FindingsAsFacts Findings { get; } = new(provisions);

    /// <summary>A rule over one verdict of the provision, with an alpha test of its fields: it joins nothing.</summary>
    public void VerdictRule(ProvisionNode node, string name, int priority, Func<ParameterExpression, Expression> test, Func<ParameterExpression, Expression> action)
    {
        var rule = NewRule(node, name, priority);
        var lhs = RootLhs(rule);
        var v = VerdictPattern(lhs, node, "verdict", test);
        Act(rule, action(v));
        Add(rule);
    }

    /// <summary>
    /// One pattern per variable of a frame. A variable that <paramref name="condition"/> ties by reference to one bound
    /// before it (<c>y == x.ref</c>, <c>y.ref == x</c>) is found by following that reference, through the session's
    /// <see cref="ReferenceIndex"/>, instead of joining every fact of its type: the join then costs one look-up per
    /// tuple, not one comparison per pair. Any other variable matches the facts of its type.
    /// </summary>
    /// <remarks>The join is recorded under <paramref name="join"/>, after the steps of the tuple it starts from, for the evaluation budget.</remarks>
    public List<ScopeVariable> OwnPatterns(Lhs group, ProvisionNode provision, ImmutableArray<FrameVariable> frame, ConditionSource? condition, IReadOnlyList<ScopeVariable> bound,
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
    public ParameterExpression? TriedByReference(Lhs group, ProvisionNode provision, ImmutableArray<FrameVariable> frame, ConditionSource? condition, IReadOnlyList<ScopeVariable> bound,
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
        var tested = group.Bind("tried", Expression.Call(typeof(Candidates).GetMethod(nameof(Candidates.Test))!, combinations, Expression.Constant(unknown)));
        group.Rule.Filters().Filter(FilterType.Predicate, Expression.Lambda(Expression.Property(tested, nameof(Candidates.Any)), tested));
        return tested;
    }

    /// <summary>The join steps recorded for one of a node's joins; empty when it records none.</summary>
    public ImmutableArray<JoinStep> Steps(RuleNode node, string join) => _joins.TryGetValue((node, join), out var steps) ? steps : [];

    /// <summary>
    /// Records, for the evaluation budget, what the quantifiers of a join's conditions add: each collects every fact of
    /// its type for each combination of the join's facts, so it multiplies the combinations by that type's count. Kept
    /// under a key of its own, so the joins that start from this one's facts do not count the members again.
    /// </summary>
    public void CountMembers((RuleNode Node, string Join) join, params ConditionSource?[] conditions)
    {
        var types = conditions.Where(c => c is not null).SelectMany(c => c!.Quantifiers).Select(q => q.Type).ToList();
        if (types.Count > 0)
        {
            _joins[(join.Node, join.Join + "+members")] = [.. Steps(join.Node, join.Join), .. types.Select(t => new JoinStep(t, Followed: false))];
        }
    }

    /// <summary>The join steps of the tuples a node's claims bind.</summary>
    public ImmutableArray<JoinStep> ClaimSteps(RuleNode node) => node switch
    {
        ExceptionNode { Prevailing: not null } implied => ClaimSteps(implied.Parent),
        ExceptionNode exception => Steps(exception, "when"),
        ProvisionNode provision when !provision.ViolationFrame.IsEmpty && provision.Model.Modality != Modality.Obligation => Steps(provision, "breach"),
        _ => Steps(node, "subject"),
    };

    /// <summary>A rule of a node, named <c>provision/rule</c> (<see cref="RuleNode.RuleName"/>) and tagged with its provision.</summary>
    public static RuleBuilder NewRule(RuleNode node, string name, int priority)
    {
        var rule = new RuleBuilder();
        rule.Name(node.RuleName(name));
        rule.Priority(priority);
        rule.Tag(node.Provision.Id);
        return rule;
    }

    /// <summary>A rule's left-hand side, opened with the evaluation context (dropped by <see cref="Add"/> when the rule does not read it).</summary>
    public static Lhs RootLhs(RuleBuilder rule)
    {
        var lhs = new Lhs(rule, rule.LeftHandSide());
        lhs.Pattern(typeof(EvaluationContext), BindingEnvironment.ContextParameter.Name!);
        return lhs;
    }

    /// <summary>
    /// Adds a rule, without the evaluation context's pattern when none of its conditions or actions reads it (no
    /// reading, no as-of instant, no reference look-up): such a rule does not join the context at all.
    /// </summary>
    public void Add(RuleBuilder rule)
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

    /// <summary>The rule's action: a call that receives NRules' context first, then the patterns it reads.</summary>
    public static void Act(RuleBuilder rule, Expression call)
    {
        var parameters = new List<ParameterExpression> { Ctx };
        parameters.AddRange(ParameterCollector.Collect(call).Where(p => p != Ctx));
        rule.RightHandSide().Action(Expression.Lambda(call, parameters));
    }

    /// <summary>A call of one of <see cref="RuleActions"/>, with the rule's context.</summary>
    public static Expression Call(string method, params Expression[] arguments) =>
        Expression.Call(typeof(RuleActions).GetMethod(method)!, [Ctx, .. arguments]);

    public static ConstantExpression Const<T>(T value) => Expression.Constant(value, typeof(T));

    public static Expression FrameArray(IEnumerable<ScopeVariable> scope) =>
        Expression.NewArrayInit(typeof(Fact), scope.Select(v => v.Fact));

    /// <summary>The name of a frame variable's pattern.</summary>
    public static string Declaration(string variable) => "v_" + variable;

    public static System.Reflection.MethodInfo OpsMethod(string name) => typeof(Ops).GetMethod(name)!;
}
