using System.Collections.Immutable;
using System.Linq.Expressions;
using System.Text.RegularExpressions;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Facts;
using OrdinanceRules.Model;
using OrdinanceRules.Vocabulary;

namespace OrdinanceRules.Conditions;

/// <summary>A definition as the binder sees it: its parsed body, its parameters' types, the type it yields and whether it checked.</summary>
internal sealed class BoundDefinition(Definition model, Expr? body, ImmutableArray<(string Name, ConditionType Type)> parameters)
{
    public Definition Model { get; } = model;

    public Expr? Body { get; } = body;

    public ImmutableArray<(string Name, ConditionType Type)> Parameters { get; } = parameters;

    /// <summary>The type the body yields; set once it type-checks.</summary>
    public ConditionType? Result { get; set; }

    /// <summary>Whether the body parsed and type-checked, and the definition is not part of a cycle.</summary>
    /// <remarks>Every definition that is not valid has had its own problem reported, so a call of it fails without a further message.</remarks>
    public bool IsValid => Result is not null;

    /// <summary>The names of the definitions the body calls, in order of first call.</summary>
    public ImmutableArray<string> Calls { get; set; } = [];
}

/// <summary>
/// An ordinance's definitions, checked once: names, parameters, bodies (type-checked over the parameters) and cycles.
/// Conditions call them as functions; the binder binds each call's body into the caller's expression.
/// </summary>
internal sealed partial class DefinitionTable
{
    public static readonly DefinitionTable Empty = new([]);

    private readonly Dictionary<string, BoundDefinition> _byName;
    private readonly Dictionary<string, int> _depths = new(StringComparer.Ordinal);

    private DefinitionTable(Dictionary<string, BoundDefinition> byName) => _byName = byName;

    public IEnumerable<string> Names => _byName.Keys;

    public bool IsEmpty => _byName.Count == 0;

    public bool TryGet(string name, out BoundDefinition definition) => _byName.TryGetValue(name, out definition!);

    /// <summary>Checks every definition of an ordinance and reports each problem at its place.</summary>
    public static DefinitionTable Build(ImmutableArray<Definition> definitions, BindingEnvironment environment, List<Diagnostic> diagnostics)
    {
        if (definitions.IsDefaultOrEmpty)
        {
            return Empty;
        }

        var byName = new Dictionary<string, BoundDefinition>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            if (Declare(definition, environment.Vocabulary, diagnostics) is { } bound)
            {
                if (!byName.TryAdd(definition.Name, bound))
                {
                    diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidOrdinance, $"definition '{definition.Name}' is defined twice (first at line {byName[definition.Name].Model.Location?.Line}); give each a name of its own", definition.Location));
                }
            }
        }

        var table = new DefinitionTable(byName);
        foreach (var bound in byName.Values)
        {
            bound.Calls = [.. Calls(bound.Body).Where(byName.ContainsKey).Distinct(StringComparer.Ordinal)];
        }

        var cyclic = table.ReportCycles(diagnostics);
        var scoped = environment with { Definitions = table };
        var seen = new HashSet<string>(cyclic, StringComparer.Ordinal);
        foreach (var bound in byName.Values)
        {
            table.Check(bound, scoped, diagnostics, seen);
        }

        return table;
    }

    /// <summary>Whether a name may name a definition: letters, digits and '_', with single '-' between parts that start with a letter.</summary>
    public static bool IsValidName(string name) => name.Length <= 64 && NamePattern().IsMatch(name);

    private static BoundDefinition? Declare(Definition definition, FactVocabulary vocabulary, List<Diagnostic> diagnostics)
    {
        var ok = true;
        if (!IsValidName(definition.Name))
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidOrdinance, $"definition name '{Echo.Value(definition.Name)}' must hold letters, digits and '_', with '-' only between words, such as immigration-agency", definition.Location));
            ok = false;
        }
        else if (ConditionBinder.FunctionNames.Contains(definition.Name) || ConditionBinder.Keywords.Contains(definition.Name))
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidOrdinance, $"definition '{definition.Name}' has the name of a built-in function or word of the condition language; choose another", definition.Location));
            ok = false;
        }

        if (string.IsNullOrWhiteSpace(definition.Section))
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidOrdinance, $"definition '{definition.Name}' needs a section to cite", definition.Location));
            ok = false;
        }

        var parameters = ImmutableArray.CreateBuilder<(string, ConditionType)>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in definition.Parameters)
        {
            if (!Identifiers.IsValid(parameter.Name) || ConditionBinder.Keywords.Contains(parameter.Name))
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidOrdinance, $"parameter '{Echo.Value(parameter.Name)}' of definition '{definition.Name}' must be an identifier, such as g", parameter.Location ?? definition.Location));
                ok = false;
            }
            else if (!names.Add(parameter.Name))
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidOrdinance, $"definition '{definition.Name}' names parameter '{parameter.Name}' twice", parameter.Location ?? definition.Location));
                ok = false;
            }

            if (TypeOf(parameter.Type, vocabulary) is { } type)
            {
                parameters.Add((parameter.Name, type));
            }
            else
            {
                var choices = vocabulary.Types.Select(t => t.Name).Concat(ScalarTypes.Select(s => s.Word));
                diagnostics.Add(new Diagnostic(DiagnosticCodes.ConditionUnknownName, $"parameter '{parameter.Name}' of definition '{definition.Name}' has type '{Echo.Value(parameter.Type)}', which is neither a fact type of vocabulary '{vocabulary.Name}' nor one of {string.Join(", ", ScalarTypes.Select(s => s.Word))}{ScenarioBuilder.Suggest(parameter.Type, choices)}", parameter.Location ?? definition.Location));
                ok = false;
            }
        }

        var body = ConditionParser.ParseCondition(definition.Means.Text, out var error, out var pos);
        if (body is null)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.ConditionSyntax, $"in definition '{definition.Name}': {error}", definition.Means.Location?.Offset(pos.Line, pos.Column) ?? definition.Location));
        }

        // A definition with a bad name or parameter is kept, never checked: its callers then fail quietly, since its own problem is reported.
        return IsValidName(definition.Name) ? new BoundDefinition(definition, ok ? body : null, parameters.ToImmutable()) : null;
    }

    private static readonly (string Word, ConditionType Type)[] ScalarTypes =
    [
        ("instant", ConditionType.Instant),
        ("duration", ConditionType.Duration),
        ("number", ConditionType.Number),
        ("text", ConditionType.Text),
        ("yes-no", ConditionType.YesNo),
    ];

    private static ConditionType? TypeOf(string name, FactVocabulary vocabulary)
    {
        if (vocabulary.TryGetType(name, out var fact))
        {
            return new ConditionType(TypeKind.Fact, fact);
        }

        foreach (var (word, type) in ScalarTypes)
        {
            if (word == name)
            {
                return type;
            }
        }

        return null;
    }

    /// <summary>Type-checks a definition's body over placeholders for its parameters, after the definitions it calls.</summary>
    /// <param name="definition">The definition.</param>
    /// <param name="environment">The environment, with this table.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="seen">The definitions checked or on a cycle: each is checked once.</param>
    private void Check(BoundDefinition definition, BindingEnvironment environment, List<Diagnostic> diagnostics, HashSet<string> seen)
    {
        if (definition.Body is null || !seen.Add(definition.Model.Name))
        {
            return;
        }

        foreach (var callee in definition.Calls)
        {
            Check(_byName[callee], environment, diagnostics, seen);
        }

        var parameters = definition.Parameters.ToDictionary(
            p => p.Name,
            p => ((Expression)Expression.Parameter(typeof(Val), p.Name), p.Type),
            StringComparer.Ordinal);
        var depth = ExpandedDepth(definition.Body!);
        if (depth > Limits.MaxConditionDepth)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.ConditionTooComplex, $"definition '{definition.Model.Name}' is {depth} levels deep once the definitions it uses are written out; the limit is {Limits.MaxConditionDepth}", definition.Model.Means.Location ?? definition.Model.Location));
            return;
        }

        var binder = new ConditionBinder(environment, [], parameters);
        var (expression, type) = binder.BindAny(definition.Body!);
        foreach (var (code, message, pos) in binder.Errors)
        {
            diagnostics.Add(new Diagnostic(code, $"in definition '{definition.Model.Name}': {message}", definition.Model.Means.Location?.Offset(pos.Line, pos.Column) ?? definition.Model.Location));
        }

        if (expression is not null && binder.Errors.Count == 0)
        {
            definition.Result = type;
        }
    }

    /// <summary>Reports each cycle of definitions that call one another, naming it; returns the names on cycles.</summary>
    private HashSet<string> ReportCycles(List<Diagnostic> diagnostics)
    {
        var onCycle = new HashSet<string>(StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var name in _byName.Keys)
        {
            Visit(name);
        }

        return onCycle;

        void Visit(string name)
        {
            if (done.Contains(name))
            {
                return;
            }

            var at = path.IndexOf(name);
            if (at >= 0)
            {
                var cycle = path.Skip(at).Append(name).ToList();
                if (cycle.Take(cycle.Count - 1).All(onCycle.Add))
                {
                    var first = _byName[cycle[0]].Model;
                    var how = cycle.Count == 2 ? "uses itself" : "is defined through itself";
                    diagnostics.Add(new Diagnostic(DiagnosticCodes.DefinitionCycle, $"definition '{cycle[0]}' {how}: {string.Join(" → ", cycle)}; a definition may use other definitions, but not itself, directly or through others", first.Means.Location ?? first.Location));
                }

                return;
            }

            path.Add(name);
            foreach (var callee in _byName[name].Calls)
            {
                Visit(callee);
            }

            path.RemoveAt(path.Count - 1);
            done.Add(name);
        }
    }

    /// <summary>
    /// How deep an expression is once the definitions it calls are written out into it (every nesting counts, as in
    /// <see cref="ConditionParser"/>); definitions on a cycle count as one level.
    /// </summary>
    public int ExpandedDepth(Expr expr) => expr switch
    {
        CallExpr c when _byName.TryGetValue(c.Name, out var d) && d.Body is not null && !_depths.ContainsKey(c.Name + "#") =>
            1 + Math.Max(c.Arguments.Select(ExpandedDepth).DefaultIfEmpty(0).Max(), BodyDepth(c.Name, d.Body)),
        CallExpr c => 1 + c.Arguments.Select(ExpandedDepth).DefaultIfEmpty(0).Max(),
        NotExpr n => 1 + ExpandedDepth(n.Operand),
        BinaryExpr b => 1 + Math.Max(ExpandedDepth(b.Left), ExpandedDepth(b.Right)),
        IfExpr i => 1 + Math.Max(ExpandedDepth(i.Condition), Math.Max(ExpandedDepth(i.Then), ExpandedDepth(i.Else))),
        ListExpr l => 1 + l.Items.Select(ExpandedDepth).DefaultIfEmpty(0).Max(),
        _ => 1,
    };

    private int BodyDepth(string name, Expr body)
    {
        if (_depths.TryGetValue(name, out var depth))
        {
            return depth;
        }

        _depths[name + "#"] = 0; // being measured: a cycle (already reported) stops here
        depth = ExpandedDepth(body);
        _depths.Remove(name + "#");
        return _depths[name] = depth;
    }

    /// <summary>The names every call in an expression uses, in order.</summary>
    internal static IEnumerable<string> Calls(Expr? expr) => expr switch
    {
        null => [],
        CallExpr c => c.Arguments.SelectMany(Calls).Prepend(c.Name),
        NotExpr n => Calls(n.Operand),
        BinaryExpr b => Calls(b.Left).Concat(Calls(b.Right)),
        IfExpr i => Calls(i.Condition).Concat(Calls(i.Then)).Concat(Calls(i.Else)),
        ListExpr l => l.Items.SelectMany(Calls),
        _ => [],
    };

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*(-[A-Za-z_][A-Za-z0-9_]*)*$")]
    private static partial Regex NamePattern();
}
