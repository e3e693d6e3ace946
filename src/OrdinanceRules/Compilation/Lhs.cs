using System.Linq.Expressions;
using NRules.RuleModel.Builders;
using OrdinanceRules.Facts;

namespace OrdinanceRules.Compilation;

/// <summary>A rule's left-hand side, remembering its last pattern so a condition can join onto it.</summary>
internal sealed class Lhs(RuleBuilder rule, GroupBuilder group)
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
internal sealed class ParameterCollector : ExpressionVisitor
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
