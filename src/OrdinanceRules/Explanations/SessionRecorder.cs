using System.Linq.Expressions;
using NRules;
using NRules.Diagnostics;
using OrdinanceRules.Conditions;
using OrdinanceRules.Facts;

namespace OrdinanceRules.Explanations;

/// <summary>A conclusion inserted by a rule: the rule's name and the facts of the match it fired on.</summary>
internal sealed record Provenance(string Rule, object[] Match);

/// <summary>One evaluation of a rule's three-valued test (an <c>IsTrue</c>, <c>IsFalse</c> or <c>IsUnknown</c> of a condition).</summary>
internal sealed record TestResult(string Rule, object[] Facts, bool Result);

/// <summary>
/// Listens to one NRules session's own events (rule firings, linked facts inserted and retracted, left-hand side
/// expressions evaluated) and keeps what an explanation needs. Attached only when
/// <see cref="EvaluationOptions.Explain"/> is on; it never evaluates anything itself.
/// </summary>
internal sealed class SessionRecorder
{
    private static readonly HashSet<string> TestMethods = [nameof(Ops.IsTrue), nameof(Ops.IsFalse), nameof(Ops.IsUnknown), nameof(Ops.IsNotFalse)];

    [ThreadStatic]
    private static int _attachedOnThisThread;

    private readonly Dictionary<Expression, bool> _isTest = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(string Rule, FactsKey Key), TestResult> _tests = [];
    private Provenance? _firing;


    private SessionRecorder(ISession session)
    {
        var events = session.Events;
        events.RuleFiringEvent += (_, e) => _firing = new Provenance(e.Rule.Name, Values(e.Facts));
        // NRules inserts a rule's linked facts after the rule has fired: what is inserted up to the next firing is the rule's.
        events.RuleFiredEvent += (_, e) => Fired.Add(_firing!);
        events.FactInsertedEvent += (_, e) => Inserted(e.Fact.Value!);
        events.FactRetractedEvent += (_, e) => Live.Remove(e.Fact.Value!);
        events.LhsExpressionEvaluatedEvent += (_, e) => Evaluated(e);
    }

    /// <summary>The conclusions in working memory when the session stopped, by reference.</summary>
    public HashSet<object> Live { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Which rule inserted each conclusion, on which facts.</summary>
    public Dictionary<object, Provenance> InsertedBy { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Every rule firing, in order.</summary>
    public List<Provenance> Fired { get; } = [];

    /// <summary>The scenario facts inserted, in order.</summary>
    public List<Fact> Facts { get; } = [];

    /// <summary>The last result of each rule's test for each combination of facts.</summary>
    public IEnumerable<TestResult> Tests => _tests.Values;

    /// <summary>How many sessions this thread has attached a recorder to: lets tests check that explain off subscribes to nothing.</summary>
    internal static int AttachedOnThisThread => _attachedOnThisThread;

    public static SessionRecorder Attach(ISession session)
    {
        _attachedOnThisThread++;
        return new(session);
    }

    private static object[] Values(IEnumerable<NRules.RuleModel.IFact> facts) => [.. facts.Select(f => f.Value).OfType<object>()];

    private void Inserted(object value)
    {
        Live.Add(value);
        if (value is Fact fact)
        {
            Facts.Add(fact);
        }
        else if (_firing is not null)
        {
            InsertedBy[value] = _firing;
        }
    }

    private void Evaluated(LhsExpressionEventArgs e)
    {
        if (e.Exception is not null)
        {
            return;
        }

        if (e.Result is Compilation.Candidates candidates)
        {
            // The combinations a claim's rule reached by reference, tested in one binding: one test each, on the
            // claim's facts and the combination's own, as if each had been a tuple of its own.
            var on = Match(e);
            for (var i = 0; i < candidates.Tried.Length; i++)
            {
                Record(e, [.. on, .. candidates.Tried[i].Own], candidates.Passes(i));
            }
        }
        else if (e.Result is bool result && IsTest(e.Expression))
        {
            Record(e, Match(e), result);
        }
    }

    /// <summary>The facts of an evaluation, less the context; a claim's (or subject's) file stands for its claim, as explanations look a claim's tests up by the claim.</summary>
    private static object[] Match(LhsExpressionEventArgs e) =>
        [.. Values(e.Facts).Where(v => v is not Conditions.EvaluationContext)
            .Select(v => v switch
            {
                IGrouping<Compilation.Claim, Compilation.Conclusion> file => file.Key,
                IGrouping<Compilation.Verdict, Compilation.Conclusion> file => file.Key,
                _ => v,
            })];

    private void Record(LhsExpressionEventArgs e, object[] facts, bool result)
    {
        var key = new FactsKey(facts);
        foreach (var rule in e.Rules)
        {
            // A later evaluation of the same test on the same facts (after an update) replaces the earlier one.
            _tests[(rule.Name, key)] = new TestResult(rule.Name, facts, result);
        }
    }

    /// <summary>Whether an expression is one of the compiled three-valued tests, rather than a type filter or a join on identity.</summary>
    private bool IsTest(Expression expression)
    {
        if (!_isTest.TryGetValue(expression, out var test))
        {
            var finder = new TestFinder();
            finder.Visit(expression);
            _isTest[expression] = test = finder.Found;
        }

        return test;
    }

    /// <summary>A combination of facts and conclusions, compared element by element by reference.</summary>
    private readonly struct FactsKey(object[] items) : IEquatable<FactsKey>
    {
        private readonly object[] _items = items;

        public bool Equals(FactsKey other) =>
            _items.Length == other._items.Length && _items.Zip(other._items).All(p => ReferenceEquals(p.First, p.Second));

        public override bool Equals(object? obj) => obj is FactsKey other && Equals(other);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            foreach (var item in _items)
            {
                hash.Add(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(item));
            }

            return hash.ToHashCode();
        }
    }

    private sealed class TestFinder : ExpressionVisitor
    {
        public bool Found { get; private set; }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType == typeof(Ops) && TestMethods.Contains(node.Method.Name))
            {
                Found = true;
                return node;
            }

            return base.VisitMethodCall(node);
        }
    }
}
