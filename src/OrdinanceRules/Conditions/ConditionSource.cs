using System.Collections.Immutable;
using System.Linq.Expressions;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Model;

namespace OrdinanceRules.Conditions;

/// <summary>
/// A condition parsed once, ready to be bound into expression trees as often as the rules need it,
/// each time against the variables in scope there. Problems are reported at the condition's place in
/// its file.
/// </summary>
internal sealed class ConditionSource
{
    private readonly Expr? _ast;

    private ConditionSource(ConditionText text, string context, Expr? ast)
    {
        Text = text;
        Context = context;
        _ast = ast;
    }

    public ConditionText Text { get; }

    /// <summary>The definitions the condition uses, directly or through others, in order of first use (set when it binds).</summary>
    public ImmutableArray<Definition> UsedDefinitions { get; private set; } = [];

    /// <summary>The finding tests the condition makes (<c>violated('P1a', a)</c>), in order (set when it binds).</summary>
    public ImmutableArray<FindingReference> FindingReferences { get; private set; } = [];

    /// <summary>The quantifiers of the condition (<c>every</c>, <c>some</c>, <c>count</c>), in order (set when it binds).</summary>
    public ImmutableArray<QuantifierReference> Quantifiers { get; private set; } = [];

    /// <summary>Where the condition stands in the ordinance, such as "applies-when of provision P2".</summary>
    public string Context { get; }

    public static ConditionSource Parse(ConditionText text, string context, List<Diagnostic> diagnostics)
    {
        var ast = ConditionParser.ParseCondition(text.Text, out var error, out var pos);
        if (ast is null)
        {
            var code = error!.Contains("out of range", StringComparison.Ordinal) ? DiagnosticCodes.ConditionLiteralRange
                : error.Contains("limit", StringComparison.Ordinal) || error.Contains("deep", StringComparison.Ordinal) ? DiagnosticCodes.ConditionTooComplex
                : DiagnosticCodes.ConditionSyntax;
            diagnostics.Add(new Diagnostic(code, $"in {context}: {error}", Locate(text, pos)));
        }

        return new ConditionSource(text, context, ast);
    }

    /// <summary>Binds the condition; null (with diagnostics added once) when it does not type-check.</summary>
    public Expression? Bind(BindingEnvironment environment, IEnumerable<ScopeVariable> scope, ConditionType expected, List<Diagnostic>? diagnostics)
    {
        if (_ast is null)
        {
            return null;
        }

        if (environment.Definitions is { IsEmpty: false } definitions && definitions.ExpandedDepth(_ast) is var depth && depth > Limits.MaxConditionDepth)
        {
            diagnostics?.Add(new Diagnostic(DiagnosticCodes.ConditionTooComplex, $"in {Context}: the condition is {depth} levels deep once the definitions it uses are written out; the limit is {Limits.MaxConditionDepth}", Locate(Text, new TextPos(1, 1))));
            return null;
        }

        var variables = scope.ToList();
        var unions = variables.Where(v => v.IsUnion).ToList();
        if (unions.Count > 0)
        {
            return BindEachType(environment, variables, unions, expected, diagnostics);
        }

        var binder = new ConditionBinder(environment, variables);
        var expression = binder.Bind(_ast, expected);
        UsedDefinitions = [.. binder.UsedDefinitions];
        FindingReferences = [.. binder.FindingReferences];
        Quantifiers = [.. binder.Quantifiers];
        if (diagnostics is not null)
        {
            foreach (var (code, message, pos) in binder.Errors)
            {
                diagnostics.Add(new Diagnostic(code, $"in {Context}: {message}", Locate(Text, pos)));
            }
        }

        return binder.Errors.Count == 0 ? expression : null;
    }

    /// <summary>
    /// A condition over variables that range over several types (<c>x: [inquiry, record, action]</c>): bound once per
    /// combination of their types, each binding seeing each variable as one type, and chosen at run time by the facts'
    /// types. A problem that only some types have is reported once, naming the type that has it (<c>when x is a
    /// record: fact type 'record' has no field 'kind'</c>), so a condition reads of x only what every type has.
    /// </summary>
    private Expression? BindEachType(BindingEnvironment environment, List<ScopeVariable> variables, List<ScopeVariable> unions, ConditionType expected, List<Diagnostic>? diagnostics)
    {
        var combinations = unions.Aggregate<ScopeVariable, IEnumerable<ImmutableArray<(ScopeVariable Variable, Vocabulary.FactType Type)>>>(
            [[]], (acc, v) => acc.SelectMany(c => v.Alternatives.Select(t => c.Add((v, t))))).ToList();
        var bound = new List<(ImmutableArray<(ScopeVariable Variable, Vocabulary.FactType Type)> Types, Expression? Expression, IReadOnlyList<(string Code, string Message, TextPos Pos)> Errors)>();
        var used = new List<Definition>();
        var findings = new List<FindingReference>();
        var quantifiers = new List<QuantifierReference>();
        foreach (var combination in combinations)
        {
            var scope = variables.Select(v => combination.FirstOrDefault(c => c.Variable == v) is { Variable: not null } chosen ? v with { Type = chosen.Type, Alternatives = [] } : v);
            var binder = new ConditionBinder(environment, scope);
            bound.Add((combination, binder.Bind(_ast!, expected), binder.Errors));
            used.AddRange(binder.UsedDefinitions.Where(d => !used.Contains(d)));
            findings.AddRange(binder.FindingReferences.Where(f => !findings.Any(g => ReferenceEquals(g.Call, f.Call))));
            quantifiers.AddRange(binder.Quantifiers.Where(q => !quantifiers.Any(g => ReferenceEquals(g.Call, q.Call))));
        }

        UsedDefinitions = [.. used];
        FindingReferences = [.. findings];
        Quantifiers = [.. quantifiers];
        var errors = bound.SelectMany(b => b.Errors.Select(e => (e, b.Types))).ToList();
        if (diagnostics is not null)
        {
            foreach (var same in errors.GroupBy(e => e.e))
            {
                var (code, message, pos) = same.Key;
                var which = same.Count() == combinations.Count ? string.Empty
                    : $"when {string.Join(" and ", same.First().Types.Select(t => $"{t.Variable.Name} is {Diagnostics.Echo.WithArticle(t.Type.Name)}"))}: ";
                diagnostics.Add(new Diagnostic(code, $"in {Context}: {which}{message}", Locate(Text, pos)));
            }
        }

        if (errors.Count > 0)
        {
            return null;
        }

        // The last combination is the fallback: the rules' patterns admit only facts of the listed types.
        Expression chosenExpression = bound[^1].Expression!;
        for (var i = bound.Count - 2; i >= 0; i--)
        {
            var test = bound[i].Types.Select(t => (Expression)Expression.Call(
                typeof(Ops).GetMethod(nameof(Ops.IsOfType))!, t.Variable.Fact, Expression.Constant(t.Type.Name))).Aggregate(Expression.AndAlso);
            chosenExpression = Expression.Condition(test, bound[i].Expression!, chosenExpression);
        }

        return chosenExpression;
    }

    /// <summary>
    /// How a rule finds <paramref name="target"/>'s candidates by following the references this condition tests, over
    /// the variables bound before it; null when the condition tests no such reference (the rule then joins every
    /// fact of the target's type).
    /// </summary>
    /// <remarks>A variable that ranges over several types is never followed to nor from: its facts are joined.</remarks>
    public (FactLookup Lookup, Expression[] Values)? Lookup(BindingEnvironment environment, IEnumerable<ScopeVariable> bound, ScopeVariable target) =>
        _ast is null || target.IsUnion || bound.Any(v => v.IsUnion) ? null : new ConditionBinder(environment, bound).Lookup(_ast, target);

    /// <summary>Where a position of the condition's text is in its file.</summary>
    public SourceLocation? Locate(TextPos pos) => Locate(Text, pos);

    private static SourceLocation? Locate(ConditionText text, TextPos pos) => text.Location?.Offset(pos.Line, pos.Column);
}
