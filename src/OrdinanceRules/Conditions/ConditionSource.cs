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

        var binder = new ConditionBinder(environment, scope);
        var expression = binder.Bind(_ast, expected);
        UsedDefinitions = [.. binder.UsedDefinitions];
        FindingReferences = [.. binder.FindingReferences];
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
    /// How a rule finds <paramref name="target"/>'s candidates by following the references this condition tests, over
    /// the variables bound before it; null when the condition tests no such reference (the rule then joins every
    /// fact of the target's type).
    /// </summary>
    public (FactLookup Lookup, Expression[] Values)? Lookup(BindingEnvironment environment, IEnumerable<ScopeVariable> bound, ScopeVariable target) =>
        _ast is null ? null : new ConditionBinder(environment, bound).Lookup(_ast, target);

    /// <summary>Where a position of the condition's text is in its file.</summary>
    public SourceLocation? Locate(TextPos pos) => Locate(Text, pos);

    private static SourceLocation? Locate(ConditionText text, TextPos pos) => text.Location?.Offset(pos.Line, pos.Column);
}
