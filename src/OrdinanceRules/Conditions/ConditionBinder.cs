using System.Collections.Immutable;
using System.Linq.Expressions;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Facts;
using OrdinanceRules.Model;
using OrdinanceRules.Vocabulary;

namespace OrdinanceRules.Conditions;

/// <summary>What every condition of an ordinance is bound against: its vocabulary, its readings and parameters, and the evaluation context.</summary>
/// <remarks>
/// In a law stack every law's readings sit in one array; <paramref name="ReadingOffset"/> is where this law's start.
/// <paramref name="Definitions"/> are the ordinance's defined terms, checked once (<see cref="DefinitionTable.Build"/>).
/// </remarks>
internal sealed record BindingEnvironment(FactVocabulary Vocabulary, ImmutableArray<Reading> Readings, Expression Context, int ReadingOffset = 0, DefinitionTable? Definitions = null)
{
    /// <summary>The jurisdiction's time zone, in which calendar time is counted (UTC when the zone is not a known one, which the validator reports).</summary>
    public NodaTime.DateTimeZone Zone { get; init; } = NodaTime.DateTimeZone.Utc;

    public static readonly ParameterExpression ContextParameter = Expression.Parameter(typeof(EvaluationContext), "context");

    /// <summary>The yes/no fields with a vocabulary default that some condition reads, as type and field names; filled while binding.</summary>
    public HashSet<(string Type, string Field)> DefaultsRead { get; } = [];

    /// <summary>The ordinance's parameters: fixed values, bound as constants of their declared kind.</summary>
    public ImmutableArray<Model.Parameter> Parameters { get; init; } = [];

    /// <summary>
    /// The provisions a finding test (<c>violated('P1a', a)</c>) may name, each with the fact types its findings bind;
    /// null where no finding test may stand (nothing then checks the names).
    /// </summary>
    public IReadOnlyDictionary<string, ImmutableArray<string>>? FindingTargets { get; init; }

    /// <summary>
    /// While a rule is built: the value of each finding test of the condition being bound, computed from the NRules
    /// aggregate of the named provision's outcomes that the rule collects (<see cref="FindingReference"/>). While a
    /// condition is only type-checked this is null and a finding test binds to no.
    /// </summary>
    public IReadOnlyDictionary<CallExpr, Expression>? Findings { get; init; }

    /// <summary>
    /// While a rule is built: for each quantifier of the condition being bound (<c>every</c>, <c>some</c>, <c>count</c>),
    /// the facts of its type that the rule collects with an NRules aggregate (<see cref="QuantifierReference"/>). While a
    /// condition is only type-checked this is null and a quantifier ranges over no facts.
    /// </summary>
    public IReadOnlyDictionary<CallExpr, Expression>? Collections { get; init; }

    public static BindingEnvironment For(Ordinance ordinance, int readingOffset = 0) =>
        new(ordinance.Vocabulary, ordinance.Readings, ContextParameter, readingOffset) { Parameters = ordinance.Parameters, Zone = ZoneOf(ordinance) };

    private static NodaTime.DateTimeZone ZoneOf(Ordinance ordinance) =>
        JurisdictionClock.IsKnownZone(ordinance.Jurisdiction.TimeZone) ? NodaTime.DateTimeZoneProviders.Tzdb[ordinance.Jurisdiction.TimeZone] : NodaTime.DateTimeZone.Utc;
}

/// <summary>A variable in scope for a condition: its fact type and the expression that yields its fact.</summary>
/// <remarks>
/// A variable that ranges over several types lists them as <see cref="Alternatives"/>; a condition over it is bound
/// once per type (<see cref="ConditionSource.Bind"/>), with <see cref="Type"/> set to each in turn.
/// </remarks>
internal sealed record ScopeVariable(string Name, FactType Type, Expression Fact)
{
    /// <summary>The types the variable may have, when it ranges over several; empty otherwise.</summary>
    public ImmutableArray<FactType> Alternatives { get; init; } = [];

    /// <summary>Whether the variable ranges over several types.</summary>
    public bool IsUnion => Alternatives.Length > 1;
}

/// <summary>
/// Type-checks a parsed condition against the vocabulary and the variables in scope, and turns it into
/// an expression tree of type <see cref="Val"/> that calls only <see cref="Ops"/>.
/// </summary>
internal sealed class ConditionBinder
{
    private static readonly Dictionary<string, System.Reflection.MethodInfo> OpsMethods =
        typeof(Ops).GetMethods().GroupBy(m => m.Name).ToDictionary(g => g.Key, g => g.First());

    private readonly FactVocabulary _vocabulary;
    private readonly IReadOnlyDictionary<string, ScopeVariable> _scope;
    private readonly ImmutableArray<Reading> _readings;
    private readonly ImmutableArray<Model.Parameter> _parameters;
    private readonly Expression _context;
    private readonly int _readingOffset;
    private readonly HashSet<(string Type, string Field)> _defaultsRead;
    private readonly BindingEnvironment _environment;
    private readonly DefinitionTable _definitions;
    private readonly IReadOnlyDictionary<string, (Expression Value, ConditionType Type)> _arguments;
    private readonly ExpansionBudget _budget;
    private readonly List<(string Code, string Message, TextPos Pos)> _errors = [];
    private readonly List<Definition> _used = [];
    private readonly List<FindingReference> _findings = [];
    private readonly List<QuantifierReference> _quantifiers = [];
    private readonly bool _inDefinition;

    /// <summary>Whether a path is read as stated, for <c>== none</c>, known() and absent(): an omitted field is then absent, not its default.</summary>
    private bool _asStated;

    public ConditionBinder(BindingEnvironment environment, IEnumerable<ScopeVariable> scope)
        : this(environment, scope, new Dictionary<string, (Expression, ConditionType)>(), new ExpansionBudget(), inDefinition: false)
    {
    }

    /// <summary>A binder for a definition's body: only its parameters (bound to the caller's values) are in scope.</summary>
    public ConditionBinder(BindingEnvironment environment, IEnumerable<ScopeVariable> scope, IReadOnlyDictionary<string, (Expression Value, ConditionType Type)> parameters)
        : this(environment, scope, parameters, new ExpansionBudget(), inDefinition: true)
    {
    }

    private ConditionBinder(BindingEnvironment environment, IEnumerable<ScopeVariable> scope, IReadOnlyDictionary<string, (Expression Value, ConditionType Type)> parameters, ExpansionBudget budget, bool inDefinition)
    {
        _inDefinition = inDefinition;
        _environment = environment;
        _vocabulary = environment.Vocabulary;
        _readings = environment.Readings;
        _parameters = environment.Parameters;
        _context = environment.Context;
        _readingOffset = environment.ReadingOffset;
        _defaultsRead = environment.DefaultsRead;
        _definitions = environment.Definitions ?? DefinitionTable.Empty;
        _scope = scope.ToDictionary(v => v.Name, StringComparer.Ordinal);
        _arguments = parameters;
        _budget = budget;
    }

    /// <summary>The built-in functions, which no definition may be named after.</summary>
    public static IReadOnlySet<string> FunctionNames { get; } = new HashSet<string>(["known", "absent", "within", "any", "only", "reading", "param", "violated", "every", "some", "count", .. CalendarTime.Functions.Keys], StringComparer.Ordinal);

    /// <summary>The words of the language, which no definition or parameter may be named after.</summary>
    public static IReadOnlySet<string> Keywords { get; } = new HashSet<string>(["and", "or", "not", "in", "yes", "no", "true", "false", "none", "if", "then", "else"], StringComparer.Ordinal);

    public IReadOnlyList<(string Code, string Message, TextPos Pos)> Errors => _errors;

    /// <summary>The definitions the bound condition used, directly or through other definitions, in order of first use.</summary>
    public IReadOnlyList<Definition> UsedDefinitions => _used;

    /// <summary>The finding tests of the bound condition (<c>violated('P1a', a)</c>), in the order they appear.</summary>
    public IReadOnlyList<FindingReference> FindingReferences => _findings;

    /// <summary>The quantifiers of the bound condition (<c>every(d in detainer, ..)</c>), in the order they appear.</summary>
    public IReadOnlyList<QuantifierReference> Quantifiers => _quantifiers;

    /// <summary>Binds an expression of any type, returning the type it yields.</summary>
    public (Expression? Expr, ConditionType Type) BindAny(Expr expr) => Visit(expr);

    /// <summary>Binds an expression that must yield <paramref name="expected"/>.</summary>
    public Expression? Bind(Expr expr, ConditionType expected)
    {
        var (result, type) = Visit(expr);
        if (result is null)
        {
            return null;
        }

        if (type.Kind != expected.Kind && !(expected.Kind == TypeKind.Instant && type.Kind == TypeKind.None))
        {
            Error(DiagnosticCodes.ConditionType, $"expected {expected} here, but this is {type}", expr.Pos);
            return null;
        }

        return result;
    }

    /// <summary>
    /// How to find <paramref name="target"/>'s candidates by following references: the first conjunct of
    /// <paramref name="condition"/> that is <c>target == x.ref</c>, <c>target.field == x…</c>, or a disjunction of
    /// such tests, with each test's value bound over the variables in scope (which must not include the target).
    /// Null when no conjunct is of that form.
    /// </summary>
    public (FactLookup Lookup, Expression[] Values)? Lookup(Expr condition, ScopeVariable target)
    {
        foreach (var conjunct in Split(condition, BinaryOp.And))
        {
            var paths = Split(conjunct, BinaryOp.Or).Select(d => Path(d, target)).ToList();
            if (paths.All(p => p is not null))
            {
                return (new FactLookup(target.Type.Name, [.. paths.Select(p => p!.Value.Field)]), [.. paths.Select(p => p!.Value.Value)]);
            }
        }

        return null;
    }

    private static IEnumerable<Expr> Split(Expr expr, BinaryOp op) =>
        expr is BinaryExpr binary && binary.Op == op ? Split(binary.Left, op).Concat(Split(binary.Right, op)) : [expr];

    /// <summary>One test <c>target == x…</c> (forward) or <c>target.field == x…</c> (backward), either way round.</summary>
    private (int Field, Expression Value)? Path(Expr test, ScopeVariable target)
    {
        if (test is not BinaryExpr { Op: BinaryOp.Eq } eq)
        {
            return null;
        }

        foreach (var (own, other) in new[] { (eq.Left, eq.Right), (eq.Right, eq.Left) })
        {
            if (own is not PathExpr mine || mine.Variable != target.Name || other is not PathExpr theirs || !_scope.ContainsKey(theirs.Variable))
            {
                continue;
            }

            var (value, type) = VisitPath(theirs);
            if (value is null || type.Kind != TypeKind.Fact)
            {
                continue;
            }

            if (mine.Fields.IsEmpty && type.Fact!.Name == target.Type.Name)
            {
                return (FactLookup.Forward, value);
            }

            if (mine.Fields.Length == 1 && target.Type.IndexOf(mine.Fields[0].Name) is var index and >= 0 &&
                target.Type.Fields[index].Type is { Kind: FieldKind.Reference } field && field.ReferencedType == type.Fact!.Name)
            {
                return (index, value);
            }
        }

        return null;
    }

    private (Expression? Expr, ConditionType Type) Visit(Expr expr) => expr switch
    {
        LiteralExpr l => VisitLiteral(l),
        PathExpr p => VisitPath(p),
        NotExpr n => VisitNot(n),
        BinaryExpr b => VisitBinary(b),
        CallExpr c => VisitCall(c),
        IfExpr i => VisitIf(i),
        ListExpr l => Fail($"a list can only follow 'in' or be an argument of any() or only()", l.Pos, DiagnosticCodes.ConditionType),
        _ => Fail("unsupported expression", expr.Pos, DiagnosticCodes.ConditionSyntax),
    };

    private static (Expression?, ConditionType) VisitLiteral(LiteralExpr literal)
    {
        var type = literal.Kind switch
        {
            LiteralKind.Text => ConditionType.Text,
            LiteralKind.Number => ConditionType.Number,
            LiteralKind.YesNo => ConditionType.YesNo,
            LiteralKind.Duration => ConditionType.Duration,
            LiteralKind.Period => ConditionType.Period,
            LiteralKind.Instant => ConditionType.Instant,
            _ => ConditionType.None,
        };
        var value = literal.Value is null ? Val.Absent : Val.Known(literal.Value);
        return (Expression.Constant(value, typeof(Val)), type);
    }

    private (Expression?, ConditionType) VisitPath(PathExpr path)
    {
        Expression current;
        ConditionType type;
        if (_arguments.TryGetValue(path.Variable, out var argument))
        {
            (current, type) = argument;
        }
        else if (_scope.TryGetValue(path.Variable, out var variable))
        {
            current = Expression.Call(Method(nameof(Ops.OfFact)), variable.Fact);
            type = new ConditionType(TypeKind.Fact, variable.Type);
        }
        else
        {
            var names = _scope.Keys.Concat(_arguments.Keys).Order(StringComparer.Ordinal).ToList();
            var suggestion = ScenarioBuilder.Suggest(path.Variable, names);
            return Fail(names.Count == 0
                ? $"'{path.Variable}' is not a variable: nothing is bound here"
                : $"'{path.Variable}' is not a variable here (in scope: {string.Join(", ", names)}){suggestion}", path.Pos, DiagnosticCodes.ConditionUnknownName);
        }

        var segment = 0;
        foreach (var (name, pos) in path.Fields)
        {
            var lastSegment = ++segment == path.Fields.Length;
            if (type.Kind != TypeKind.Fact)
            {
                return Fail($"'{name}' cannot follow {type}: only a fact has fields", pos, DiagnosticCodes.ConditionType);
            }

            if (name == "id")
            {
                current = Expression.Call(Method(nameof(Ops.Id)), current);
                type = ConditionType.Text;
                continue;
            }

            var factType = type.Fact!;
            var index = factType.IndexOf(name);
            if (index < 0)
            {
                return Fail($"fact type '{factType.Name}' has no field '{name}'{ScenarioBuilder.Suggest(name, factType.Fields.Select(f => f.Name).Append("id"))}", pos, DiagnosticCodes.ConditionUnknownName);
            }

            var field = factType.Fields[index];
            current = _asStated && lastSegment
                ? Expression.Call(Method(nameof(Ops.Field)), current, Expression.Constant(factType.Name), Expression.Constant(index), Expression.Constant(name))
                : DefaultedField(current, factType, index, field);
            type = ConditionType.OfField(field.Type, _vocabulary);
        }

        return (current, type);
    }

    /// <summary>
    /// A field as a condition reads it: an omitted one takes the vocabulary's default, or is unknown, never a silent
    /// no. Only the last field of a path under <c>== none</c>, known() or absent() is read as stated.
    /// </summary>
    private Expression DefaultedField(Expression target, FactType factType, int index, FieldDefinition field)
    {
        if (field.Default is not null)
        {
            _defaultsRead.Add((factType.Name, field.Name));
        }

        return Expression.Call(
            Method(nameof(Ops.DefaultedField)),
            target,
            Expression.Constant(factType.Name),
            Expression.Constant(index),
            Expression.Constant(field.Name),
            Expression.Constant(field.Default is not null),
            Expression.Constant(field.Default?.Value, typeof(object)));
    }

    /// <summary>Visits an operand as stated (see <see cref="_asStated"/>).</summary>
    private (Expression? Expr, ConditionType Type) VisitAsStated(Expr expr)
    {
        _asStated = true;
        try
        {
            return Visit(expr);
        }
        finally
        {
            _asStated = false;
        }
    }

    private (Expression?, ConditionType) VisitNot(NotExpr not)
    {
        var operand = Bind(not.Operand, ConditionType.YesNo);
        return operand is null ? (null, ConditionType.YesNo) : (Expression.Call(Method(nameof(Ops.Not)), operand), ConditionType.YesNo);
    }

    private (Expression?, ConditionType) VisitBinary(BinaryExpr binary)
    {
        switch (binary.Op)
        {
            case BinaryOp.And or BinaryOp.Or:
                {
                    var left = Bind(binary.Left, ConditionType.YesNo);
                    var right = Bind(binary.Right, ConditionType.YesNo);
                    if (left is null || right is null)
                    {
                        return (null, ConditionType.YesNo);
                    }

                    return (Expression.Call(Method(binary.Op == BinaryOp.And ? nameof(Ops.And) : nameof(Ops.Or)), left, right), ConditionType.YesNo);
                }

            case BinaryOp.In:
                return VisitIn(binary);
        }

        if (binary.Op is BinaryOp.Eq or BinaryOp.Ne && (IsNone(binary.Left) || IsNone(binary.Right)))
        {
            // 'x == none' asks whether x is absent; a plain comparison of two absent values is no, as any comparison with one.
            var (operand, _) = VisitAsStated(IsNone(binary.Left) ? binary.Right : binary.Left);
            if (operand is null)
            {
                return (null, ConditionType.YesNo);
            }

            Expression absent = Expression.Call(Method(nameof(Ops.IsAbsent)), operand);
            return (binary.Op == BinaryOp.Eq ? absent : Expression.Call(Method(nameof(Ops.Not)), absent), ConditionType.YesNo);
        }

        var (l, lt) = Visit(binary.Left);
        var (r, rt) = Visit(binary.Right);
        if (l is null || r is null)
        {
            return (null, ConditionType.YesNo);
        }

        switch (binary.Op)
        {
            case BinaryOp.Eq or BinaryOp.Ne:
                if (!Comparable(lt, rt, binary.Left, binary.Right))
                {
                    return Fail($"cannot compare {lt} with {rt}", binary.Pos, DiagnosticCodes.ConditionType);
                }

                return (Expression.Call(Method(binary.Op == BinaryOp.Eq ? nameof(Ops.Eq) : nameof(Ops.Ne)), l, r), ConditionType.YesNo);
            case BinaryOp.Lt or BinaryOp.Le or BinaryOp.Gt or BinaryOp.Ge:
                if (!lt.IsOrdered || lt.Kind != rt.Kind)
                {
                    return Fail($"cannot order {lt} against {rt}: '<', '<=', '>' and '>=' compare two numbers, two instants or two durations", binary.Pos, DiagnosticCodes.ConditionType);
                }

                var op = binary.Op switch { BinaryOp.Lt => 0, BinaryOp.Le => 1, BinaryOp.Gt => 2, _ => 3 };
                return (Expression.Call(Method(nameof(Ops.Compare)), l, r, Expression.Constant(op)), ConditionType.YesNo);
            default:
                if (lt.Kind == TypeKind.Period || rt.Kind == TypeKind.Period)
                {
                    return VisitCalendarArithmetic(binary, l, lt, r, rt);
                }

                var resultType = (binary.Op, lt.Kind, rt.Kind) switch
                {
                    (_, TypeKind.Number, TypeKind.Number) => ConditionType.Number,
                    (_, TypeKind.Duration, TypeKind.Duration) => ConditionType.Duration,
                    (_, TypeKind.Instant, TypeKind.Duration) => ConditionType.Instant,
                    (BinaryOp.Add, TypeKind.Duration, TypeKind.Instant) => ConditionType.Instant,
                    (BinaryOp.Subtract, TypeKind.Instant, TypeKind.Instant) => ConditionType.Duration,
                    _ => null,
                };
                if (resultType is null)
                {
                    return Fail($"cannot {(binary.Op == BinaryOp.Add ? "add" : "subtract")} {rt} {(binary.Op == BinaryOp.Add ? "to" : "from")} {lt}", binary.Pos, DiagnosticCodes.ConditionType);
                }

                return (Expression.Call(Method(binary.Op == BinaryOp.Add ? nameof(Ops.Add) : nameof(Ops.Subtract)), l, r), resultType);
        }
    }

    /// <summary>Arithmetic with calendar periods: instant ± period, period + instant and period ± period, in the jurisdiction's zone.</summary>
    private (Expression?, ConditionType) VisitCalendarArithmetic(BinaryExpr binary, Expression l, ConditionType lt, Expression r, ConditionType rt)
    {
        var subtract = binary.Op == BinaryOp.Subtract;
        var resultType = (subtract, lt.Kind, rt.Kind) switch
        {
            (_, TypeKind.Instant, TypeKind.Period) => ConditionType.Instant,
            (false, TypeKind.Period, TypeKind.Instant) => ConditionType.Instant,
            (_, TypeKind.Period, TypeKind.Period) => ConditionType.Period,
            _ => null,
        };
        if (resultType is null)
        {
            var hint = lt.Kind == TypeKind.Duration || rt.Kind == TypeKind.Duration
                ? ": elapsed time (48h, 2d) and calendar time (2 days, 1 month) do not mix; add each to the instant in turn, such as end-of-quarter(t) + 15 days + 12h"
                : string.Empty;
            return Fail($"cannot {(subtract ? "subtract" : "add")} {rt} {(subtract ? "from" : "to")} {lt}{hint}", binary.Pos, DiagnosticCodes.ConditionType);
        }

        return (Expression.Call(Method(nameof(Ops.AddCalendar)), l, r, Expression.Constant(subtract), Expression.Constant(_environment.Zone)), resultType);
    }

    private static bool IsNone(Expr expr) => expr is LiteralExpr { Kind: LiteralKind.None };

    private bool Comparable(ConditionType a, ConditionType b, Expr left, Expr right)
    {
        if (a.Kind == TypeKind.None || b.Kind == TypeKind.None)
        {
            return true;
        }

        if (a.IsTextual && b.IsTextual)
        {
            CheckEnumLiteral(a, right);
            CheckEnumLiteral(b, left);
            return true;
        }

        if ((a.Kind == TypeKind.Fact && b.IsTextual) || (a.IsTextual && b.Kind == TypeKind.Fact))
        {
            return true;
        }

        if (a.Kind == TypeKind.Fact && b.Kind == TypeKind.Fact)
        {
            return a.Fact == b.Fact;
        }

        if (a.Kind == TypeKind.Set && b.Kind == TypeKind.Set)
        {
            return false;
        }

        return a.Kind == b.Kind;
    }

    private void CheckEnumLiteral(ConditionType enumType, Expr other)
    {
        if (enumType.Kind == TypeKind.Enumeration && other is LiteralExpr { Kind: LiteralKind.Text, Value: string value } literal &&
            !enumType.Values.Contains(value, StringComparer.Ordinal))
        {
            Error(DiagnosticCodes.ConditionType, $"'{value}' is not one of the field's values: {string.Join(", ", enumType.Values)}{ScenarioBuilder.Suggest(value, enumType.Values)}", literal.Pos);
        }
    }

    private (Expression?, ConditionType) VisitIn(BinaryExpr binary)
    {
        var (item, itemType) = Visit(binary.Left);
        if (binary.Right is ListExpr list)
        {
            var items = BindList(list, itemType);
            if (item is null || items is null)
            {
                return (null, ConditionType.YesNo);
            }

            return (Expression.Call(Method(nameof(Ops.InList)), item, items), ConditionType.YesNo);
        }

        var (set, setType) = Visit(binary.Right);
        if (item is null || set is null)
        {
            return (null, ConditionType.YesNo);
        }

        if (setType.Kind == TypeKind.FactSet)
        {
            // d in a.basedOn: whether the fact is one of those the set refers to.
            return itemType.Kind == TypeKind.Fact && itemType.Fact == setType.Fact
                ? (Expression.Call(Method(nameof(Ops.In)), item, set), ConditionType.YesNo)
                : Fail($"'in' with {setType} needs a {setType.Fact!.Name} before it, not {itemType}", binary.Pos, DiagnosticCodes.ConditionType);
        }

        if (setType.Kind != TypeKind.Set || !itemType.IsTextual)
        {
            return Fail($"'in' needs a value and then a list [..] or a set field; this is {itemType} in {setType}", binary.Pos, DiagnosticCodes.ConditionType);
        }

        CheckEnumLiteral(setType with { Kind = TypeKind.Enumeration }, binary.Left);
        return (Expression.Call(Method(nameof(Ops.In)), item, set), ConditionType.YesNo);
    }

    private Expression? BindList(ListExpr list, ConditionType itemType)
    {
        if (list.Items.Length > ConditionParser.MaxListItems)
        {
            Error(DiagnosticCodes.ConditionTooComplex, $"a list holds at most {ConditionParser.MaxListItems} items", list.Pos);
            return null;
        }

        var bound = new List<Expression>();
        foreach (var element in list.Items)
        {
            var (e, t) = Visit(element);
            if (e is null)
            {
                return null;
            }

            var itemAsElement = itemType.Kind == TypeKind.Set ? itemType with { Kind = TypeKind.Enumeration } : itemType;
            if (!Comparable(itemAsElement, t, element, element))
            {
                Error(DiagnosticCodes.ConditionType, $"the list holds {t}, which cannot be compared with {itemType}", element.Pos);
                return null;
            }

            CheckEnumLiteral(itemAsElement, element);
            bound.Add(e);
        }

        return Expression.NewArrayInit(typeof(Val), bound);
    }

    private (Expression?, ConditionType) VisitIf(IfExpr conditional)
    {
        var test = Bind(conditional.Condition, ConditionType.YesNo);
        var (then, thenType) = Visit(conditional.Then);
        var (otherwise, elseType) = Visit(conditional.Else);
        if (test is null || then is null || otherwise is null)
        {
            return (null, ConditionType.None);
        }

        if (thenType.Kind != elseType.Kind && thenType.Kind != TypeKind.None && elseType.Kind != TypeKind.None && !(thenType.IsTextual && elseType.IsTextual))
        {
            return Fail($"'then' gives {thenType} but 'else' gives {elseType}; both must give the same kind of value", conditional.Pos, DiagnosticCodes.ConditionType);
        }

        return (Expression.Call(Method(nameof(Ops.If)), test, then, otherwise), thenType.Kind == TypeKind.None ? elseType : thenType);
    }

    private (Expression?, ConditionType) VisitReading(CallExpr call)
    {
        if (call.Arguments is not [LiteralExpr { Kind: LiteralKind.Text, Value: string name }])
        {
            return Fail("reading() takes the reading's name in quotes, such as reading('p3-anchor')", call.Pos, DiagnosticCodes.ConditionType);
        }

        var index = _readings.IndexOf(_readings.FirstOrDefault(r => r.Name == name)!);
        if (index < 0)
        {
            return Fail(_readings.IsEmpty
                ? $"'{name}' is not a reading: the ordinance declares none under 'readings'"
                : $"'{name}' is not a reading of this ordinance (readings: {string.Join(", ", _readings.Select(r => r.Name))}){ScenarioBuilder.Suggest(name, _readings.Select(r => r.Name))}", call.Arguments[0].Pos, DiagnosticCodes.ConditionUnknownName);
        }

        var values = _readings[index].Alternatives.Select(a => a.Name).ToImmutableArray();
        return (Expression.Call(Method(nameof(Ops.Reading)), _context, Expression.Constant(_readingOffset + index)), new ConditionType(TypeKind.Enumeration, Values: values));
    }

    /// <summary>
    /// <c>param('name')</c>: a parameter's value in force, typed by its declared kind. The value is fixed when the
    /// ordinance is compiled (an adopting city set it, or the model's default stands), so it is bound as a constant.
    /// </summary>
    private (Expression?, ConditionType) VisitParameter(CallExpr call)
    {
        if (call.Arguments is not [LiteralExpr { Kind: LiteralKind.Text, Value: string name }])
        {
            return Fail("param() takes the parameter's name in quotes, such as param('notice-within')", call.Pos, DiagnosticCodes.ConditionType);
        }

        var parameter = _parameters.FirstOrDefault(p => p.Name == name);
        if (parameter is null)
        {
            return Fail(_parameters.IsEmpty
                ? $"'{name}' is not a parameter: the ordinance declares none under 'parameters'"
                : $"'{name}' is not a parameter of this ordinance (parameters: {string.Join(", ", _parameters.Select(p => p.Name))}){ScenarioBuilder.Suggest(name, _parameters.Select(p => p.Name))}", call.Arguments[0].Pos, DiagnosticCodes.ConditionUnknownName);
        }

        var value = parameter.Effective;
        var type = parameter.Kind switch
        {
            Model.ParameterKind.YesNo => ConditionType.YesNo,
            Model.ParameterKind.Number => ConditionType.Number,
            Model.ParameterKind.Duration => ConditionType.Duration,
            Model.ParameterKind.Text => ConditionType.Text,
            Model.ParameterKind.Choice => new ConditionType(TypeKind.Enumeration, Values: parameter.Choices),
            Model.ParameterKind.ChoiceSet => new ConditionType(TypeKind.Set, Values: parameter.Choices),
            _ => new ConditionType(TypeKind.Set, Values: (ImmutableArray<string>)value),
        };
        return (Expression.Constant(Val.Known(value), typeof(Val)), type);
    }

    private (Expression?, ConditionType) VisitCall(CallExpr call)
    {
        switch (call.Name)
        {
            case "reading":
                return VisitReading(call);
            case "violated":
                return VisitFinding(call);
            case "every" or "some" or "count":
                return VisitQuantifier(call);
            case "param":
                return VisitParameter(call);
            case "known" or "absent":
                {
                    if (!Arity(call, 1))
                    {
                        return (null, ConditionType.YesNo);
                    }

                    var (e, _) = VisitAsStated(call.Arguments[0]);
                    return e is null ? (null, ConditionType.YesNo) : (Expression.Call(Method(call.Name == "known" ? nameof(Ops.Known) : nameof(Ops.IsAbsent)), e), ConditionType.YesNo);
                }

            case var name when CalendarTime.Functions.TryGetValue(name, out var boundary):
                {
                    if (!Arity(call, 1))
                    {
                        return (null, ConditionType.Instant);
                    }

                    var instant = Bind(call.Arguments[0], ConditionType.Instant);
                    return instant is null
                        ? (null, ConditionType.Instant)
                        : (Expression.Call(Method(nameof(Ops.Boundary)), instant, Expression.Constant(boundary.Unit), Expression.Constant(boundary.End), Expression.Constant(_environment.Zone)), ConditionType.Instant);
                }

            case "within":
                {
                    if (!Arity(call, 3))
                    {
                        return (null, ConditionType.YesNo);
                    }

                    var args = call.Arguments.Select(a => Bind(a, ConditionType.Instant)).ToList();
                    return args.Any(a => a is null) ? (null, ConditionType.YesNo) : (Expression.Call(Method(nameof(Ops.Within)), args[0]!, args[1]!, args[2]!), ConditionType.YesNo);
                }

            case "any" or "only":
                {
                    if (!Arity(call, 2))
                    {
                        return (null, ConditionType.YesNo);
                    }

                    var (set, setType) = Visit(call.Arguments[0]);
                    if (set is null)
                    {
                        return (null, ConditionType.YesNo);
                    }

                    if (setType.Kind != TypeKind.Set)
                    {
                        return Fail($"{call.Name}() needs a set field first, such as a.purposes; this is {setType}", call.Arguments[0].Pos, DiagnosticCodes.ConditionType);
                    }

                    if (call.Arguments[1] is not ListExpr list)
                    {
                        return Fail($"{call.Name}() needs a list [..] second", call.Arguments[1].Pos, DiagnosticCodes.ConditionType);
                    }

                    var items = BindList(list, setType);
                    return items is null ? (null, ConditionType.YesNo) : (Expression.Call(Method(call.Name == "any" ? nameof(Ops.AnyOf) : nameof(Ops.Only)), set, items), ConditionType.YesNo);
                }

            default:
                if (_definitions.TryGet(call.Name, out var definition))
                {
                    return VisitDefinition(call, definition);
                }

                var defined = _definitions.IsEmpty ? string.Empty : $"; the ordinance defines {string.Join(", ", _definitions.Names.Order(StringComparer.Ordinal))}";
                return Fail($"'{call.Name}' is not a function or a definition: the functions are known, absent, within, any, only, reading, param, violated, every, some, count and the start-of- and end-of- day, month, quarter and year{defined}{ScenarioBuilder.Suggest(call.Name, FunctionNames.Concat(_definitions.Names))}", call.Pos, DiagnosticCodes.ConditionUnknownName);
        }
    }

    /// <summary>
    /// A finding test, <c>violated('P1a', a, ...)</c>: whether some finding of provision P1a that binds the facts named
    /// is Violated. The provision must exist and bind facts of each named variable's type; the value is the rule's own
    /// (see <see cref="BindingEnvironment.Findings"/>): yes when such a finding is Violated, unknown when none is but one
    /// is Undetermined (naming what that one is missing), otherwise no.
    /// </summary>
    private (Expression?, ConditionType) VisitFinding(CallExpr call)
    {
        if (_inDefinition)
        {
            return Fail("violated() cannot stand in a definition: a definition is about facts, not about findings; test the finding in the provision's own condition", call.Pos, DiagnosticCodes.ConditionType);
        }

        if (call.Arguments.Length < 2 || call.Arguments[0] is not LiteralExpr { Kind: LiteralKind.Text, Value: string id })
        {
            return Fail("violated() takes a provision's id in quotes and then the variables its finding binds, such as violated('P1a', a)", call.Pos, DiagnosticCodes.ConditionType);
        }

        var targets = _environment.FindingTargets;
        if (targets is null)
        {
            return Fail("violated() can only stand in a provision's match, applies-when or violated-when, or an exception's when", call.Pos, DiagnosticCodes.ConditionType);
        }

        if (!targets.TryGetValue(id, out var types))
        {
            var known = targets.Count <= 20 ? $" (the provisions are {string.Join(", ", targets.Keys)})" : string.Empty;
            return Fail($"violated() names provision '{id}', which does not exist{known}{ScenarioBuilder.Suggest(id, targets.Keys)}", call.Arguments[0].Pos, DiagnosticCodes.ConditionUnknownName);
        }

        var variables = ImmutableArray.CreateBuilder<string>();
        foreach (var argument in call.Arguments.Skip(1))
        {
            if (argument is not PathExpr { Fields.IsEmpty: true } path || !_scope.TryGetValue(path.Variable, out var variable))
            {
                var names = _scope.Keys.Order(StringComparer.Ordinal).ToList();
                var named = argument is PathExpr { Fields.IsEmpty: true } unknown ? ScenarioBuilder.Suggest(unknown.Variable, names) : string.Empty;
                return Fail($"violated() names the facts of the finding by their variables (in scope: {(names.Count == 0 ? "none" : string.Join(", ", names))}), not by a field or a value{named}", argument.Pos,
                    argument is PathExpr { Fields.IsEmpty: true } ? DiagnosticCodes.ConditionUnknownName : DiagnosticCodes.ConditionType);
            }

            if (!types.Contains(variable.Type.Name))
            {
                return Fail($"provision {id} binds no {variable.Type.Name}, so no finding of it is about '{path.Variable}': its findings bind {string.Join(", ", types.Distinct(StringComparer.Ordinal))}", argument.Pos, DiagnosticCodes.ConditionType);
            }

            variables.Add(path.Variable);
        }

        _findings.Add(new FindingReference(id, call, variables.ToImmutable()));
        var value = _environment.Findings is { } findings && findings.TryGetValue(call, out var bound) ? bound : Expression.Constant(Val.False);
        return (value, ConditionType.YesNo);
    }

    /// <summary>
    /// A quantifier over the facts of a type, joined to the variables in scope by its where-clause:
    /// <c>every(d in detainer, where, test)</c>, <c>some(d in detainer, where)</c>, <c>count(d in detainer, where)</c>. The
    /// facts come from an NRules aggregate of the rule (<see cref="BindingEnvironment.Collections"/>); the where-clause
    /// and the test are bound with <c>d</c> in scope and evaluated per member in Kleene logic (<see cref="Ops.Every"/>).
    /// </summary>
    private (Expression?, ConditionType) VisitQuantifier(CallExpr call)
    {
        var result = call.Name == "count" ? ConditionType.Number : ConditionType.YesNo;
        var usage = call.Name switch
        {
            "every" => "every(d in detainer, where, test): whether every detainer the where-clause selects passes the test",
            "some" => "some(d in detainer, where): whether some detainer passes the where-clause",
            _ => "count(d in detainer, where): how many detainers pass the where-clause",
        };
        if (call.Arguments.Length != (call.Name == "every" ? 3 : 2))
        {
            return Fail($"{call.Name}() takes {(call.Name == "every" ? 3 : 2)} arguments: {usage}", call.Pos, DiagnosticCodes.ConditionType);
        }

        if (call.Arguments[0] is not BinaryExpr { Op: BinaryOp.In, Left: PathExpr { Fields.IsEmpty: true } member, Right: PathExpr domain })
        {
            return Fail($"{call.Name}() names its variable and fact type (or a set of references) first, as in {usage}", call.Arguments[0].Pos, DiagnosticCodes.ConditionType);
        }

        if (_scope.ContainsKey(member.Variable) || _arguments.ContainsKey(member.Variable))
        {
            return Fail($"'{member.Variable}' is already bound here; name the quantifier's variable otherwise", member.Pos, DiagnosticCodes.ConditionType);
        }

        // Over a set of references (some(d in a.basedOn, ...)): the members are the facts the set refers to, reached by
        // following the references; no aggregate is needed.
        Expression? referenced = null;
        FactType? type = null;
        if (!domain.Fields.IsEmpty || _scope.ContainsKey(domain.Variable) || _arguments.ContainsKey(domain.Variable))
        {
            var (set, setType) = VisitPath(domain);
            if (set is null)
            {
                return (null, result);
            }

            if (setType.Kind != TypeKind.FactSet)
            {
                return Fail($"{call.Name}() ranges over a fact type or a set of references, and {domain.Variable}{string.Concat(domain.Fields.Select(f => "." + f.Name))} is {setType}", domain.Pos, DiagnosticCodes.ConditionType);
            }

            (referenced, type) = (set, setType.Fact);
        }
        else if (!_vocabulary.TryGetType(domain.Variable, out type))
        {
            return Fail($"'{domain.Variable}' is not a fact type of vocabulary '{_vocabulary.Name}'{ScenarioBuilder.Suggest(domain.Variable, _vocabulary.Types.Select(t => t.Name))}", domain.Pos, DiagnosticCodes.ConditionUnknownName);
        }

        if (referenced is null && _inDefinition)
        {
            return Fail($"{call.Name}() over a fact type cannot stand in a definition (it collects the facts of the type for each subject); write it in the provision's condition, or range over a set of references, as in {call.Name}(d in a.basedOn, ...)", call.Pos, DiagnosticCodes.ConditionType);
        }

        if (referenced is null && _quantifiers.Count >= Limits.MaxQuantifiers)
        {
            return Fail($"a condition may have at most {Limits.MaxQuantifiers} quantifiers (every, some, count): each collects the facts of its type for every subject", call.Pos, DiagnosticCodes.ConditionTooComplex);
        }

        var each = Expression.Parameter(typeof(Fact), "each_" + member.Variable);
        var inner = new ConditionBinder(_environment, [.. _scope.Values, new ScopeVariable(member.Variable, type!, each)], _arguments, _budget, _inDefinition);
        var where = inner.Bind(call.Arguments[1], ConditionType.YesNo);
        var test = call.Name == "every" ? inner.Bind(call.Arguments[2], ConditionType.YesNo) : null;
        _errors.AddRange(inner._errors);
        foreach (var used in inner._used)
        {
            Use(used);
        }

        _findings.AddRange(inner._findings);
        if (where is null || (call.Name == "every" && test is null))
        {
            return (null, result);
        }

        var whereLambda = Expression.Lambda<Func<Fact, Val>>(where, each);
        if (referenced is not null)
        {
            _quantifiers.AddRange(inner._quantifiers);
            return (call.Name switch
            {
                "every" => Expression.Call(Method(nameof(Ops.EveryReferenced)), referenced, whereLambda, Expression.Lambda<Func<Fact, Val>>(test!, each)),
                "some" => Expression.Call(Method(nameof(Ops.SomeReferenced)), referenced, whereLambda),
                _ => Expression.Call(Method(nameof(Ops.CountReferenced)), referenced, whereLambda),
            }, result);
        }

        _quantifiers.Add(new QuantifierReference(call, member.Variable, type!.Name));
        _quantifiers.AddRange(inner._quantifiers);
        var members = _environment.Collections is { } collections && collections.TryGetValue(call, out var collected)
            ? collected
            : Expression.Constant(Array.Empty<Fact>(), typeof(IEnumerable<Fact>));
        Expression value = call.Name switch
        {
            "every" => Expression.Call(Method(nameof(Ops.Every)), members, whereLambda, Expression.Lambda<Func<Fact, Val>>(test!, each)),
            "some" => Expression.Call(Method(nameof(Ops.Some)), members, whereLambda),
            _ => Expression.Call(Method(nameof(Ops.Count)), members, whereLambda),
        };
        return (Expression.Call(Method(nameof(Ops.OpenWorld)), value, _context, Expression.Constant(type!.Name), Expression.Constant(call.Name)), result);
    }

    /// <summary>
    /// A call of a definition: its arguments are checked against the parameters' types, and its body is bound into
    /// this expression with each parameter standing for its argument's value, so the caller's Kleene logic runs through it.
    /// </summary>
    private (Expression?, ConditionType) VisitDefinition(CallExpr call, BoundDefinition definition)
    {
        if (!definition.IsValid)
        {
            // Its own problem is reported where it is defined; the call fails without repeating it.
            return (null, ConditionType.None);
        }

        var signature = definition.Model.Signature;
        if (call.Arguments.Length != definition.Parameters.Length)
        {
            return Fail($"{signature} takes {definition.Parameters.Length} argument{(definition.Parameters.Length == 1 ? string.Empty : "s")}, not {call.Arguments.Length}", call.Pos, DiagnosticCodes.ConditionType);
        }

        var arguments = new Dictionary<string, (Expression, ConditionType)>(StringComparer.Ordinal);
        var ok = true;
        for (var i = 0; i < call.Arguments.Length; i++)
        {
            var (name, expected) = definition.Parameters[i];
            var (value, type) = Visit(call.Arguments[i]);
            if (value is null)
            {
                ok = false;
                continue;
            }

            if (!Accepts(expected, type))
            {
                Error(DiagnosticCodes.ConditionType, $"{signature} takes {expected} as '{name}', but this is {type}", call.Arguments[i].Pos);
                ok = false;
                continue;
            }

            arguments[name] = (value, expected);
        }

        if (!ok)
        {
            return (null, definition.Result ?? ConditionType.None);
        }

        if (!_budget.Spend(definition.Body!))
        {
            return Fail($"the condition grows past {Limits.MaxExpandedConditionNodes:N0} terms once its definitions are written out; define less through more", call.Pos, DiagnosticCodes.ConditionTooComplex);
        }

        var body = new ConditionBinder(_environment, [], arguments, _budget, inDefinition: true);
        var (expression, result) = body.Visit(definition.Body!);
        if (expression is null || body.Errors.Count > 0)
        {
            return Fail(body.Errors.Count > 0 ? $"in {signature}: {body.Errors[0].Message}" : $"{signature} does not bind here", call.Pos, body.Errors.Count > 0 ? body.Errors[0].Code : DiagnosticCodes.ConditionType);
        }

        Use(definition.Model);
        foreach (var inner in body._used)
        {
            Use(inner);
        }

        return (expression, result);
    }

    private void Use(Definition definition)
    {
        if (!_used.Contains(definition))
        {
            _used.Add(definition);
        }
    }

    private static bool Accepts(ConditionType parameter, ConditionType argument) =>
        argument.Kind == TypeKind.None
        || (parameter.Kind == TypeKind.Fact ? argument.Kind == TypeKind.Fact && argument.Fact!.Name == parameter.Fact!.Name
            : parameter.Kind == TypeKind.Text ? argument.IsTextual
            : parameter.Kind == argument.Kind);

    private bool Arity(CallExpr call, int count)
    {
        if (call.Arguments.Length == count)
        {
            return true;
        }

        Error(DiagnosticCodes.ConditionType, $"{call.Name}() takes {count} argument{(count == 1 ? string.Empty : "s")}, not {call.Arguments.Length}", call.Pos);
        return false;
    }

    private (Expression?, ConditionType) Fail(string message, TextPos pos, string code)
    {
        Error(code, message, pos);
        return (null, ConditionType.None);
    }

    private void Error(string code, string message, TextPos pos) => _errors.Add((code, message, pos));

    private static System.Reflection.MethodInfo Method(string name) => OpsMethods[name];
}

/// <summary>A quantifier in a condition: the call (its place), its variable and the fact type it ranges over.</summary>
internal sealed record QuantifierReference(CallExpr Call, string Variable, string Type);

/// <summary>A finding test in a condition: the provision it names, the call (its place), and the variables whose facts the finding binds.</summary>
internal sealed record FindingReference(string ProvisionId, CallExpr Call, ImmutableArray<string> Variables);

/// <summary>How many terms the definitions a condition calls may add once written out; shared by the binders of one condition.</summary>
internal sealed class ExpansionBudget
{
    private int _spent;

    public bool Spend(Expr body)
    {
        _spent += Size(body);
        return _spent <= Limits.MaxExpandedConditionNodes;
    }

    private static int Size(Expr expr) => expr switch
    {
        NotExpr n => 1 + Size(n.Operand),
        BinaryExpr b => 1 + Size(b.Left) + Size(b.Right),
        CallExpr c => 1 + c.Arguments.Sum(Size),
        IfExpr i => 1 + Size(i.Condition) + Size(i.Then) + Size(i.Else),
        ListExpr l => 1 + l.Items.Sum(Size),
        _ => 1,
    };
}
