using OrdinanceRules.Conditions;
using OrdinanceRules.Facts;

namespace OrdinanceRules.Compilation;

/// <summary>One combination of a rule's own facts, found by following references, and what its condition gave on it.</summary>
/// <param name="Own">The rule's own facts, in its frame's order.</param>
/// <param name="Value">The condition's three-valued result.</param>
/// <param name="At">An instant the action needs besides (a discharge's time); absent otherwise.</param>
internal sealed record Tried(Fact[] Own, Val Value, Val At);

/// <summary>
/// The combinations of facts a claim-level rule reaches by following references from its claim or verdict, each tested
/// in one NRules binding over the claim's tuple, and which of them pass the rule's test (yes, or unknown). A claim arrives
/// one firing at a time: a binding costs one look-up per claim, where a flattened sub-network would regroup every
/// candidate of the session each time (decision 0011). The rule fires once per claim that has a passing combination,
/// and its action inserts one linked conclusion per passing combination.
/// </summary>
internal sealed class Candidates
{
    private readonly bool[] _passes;

    private Candidates(Tried[] tried, bool unknown)
    {
        Tried = tried;
        _passes = new bool[tried.Length];
        var passed = new List<Tried>();
        for (var i = 0; i < tried.Length; i++)
        {
            var value = tried[i].Value;
            if (unknown ? Ops.IsUnknown(value) : Ops.IsTrue(value))
            {
                _passes[i] = true;
                passed.Add(tried[i]);
            }
        }

        Passed = [.. passed];
    }

    /// <summary>Every combination tested, in the order the references led to them.</summary>
    public Tried[] Tried { get; }

    /// <summary>The combinations that pass the rule's test, in the same order.</summary>
    public Tried[] Passed { get; }

    /// <summary>Whether any combination passes: the rule's condition.</summary>
    public bool Any => Passed.Length > 0;

    /// <summary>Whether the combination at an index of <see cref="Tried"/> passes.</summary>
    public bool Passes(int index) => _passes[index];

    private static readonly Candidates None = new([], unknown: false);

    /// <summary>
    /// The combinations, tested; <paramref name="unknown"/> keeps those that came out unknown, otherwise those that came out
    /// yes. The fast path: a test over facts alone (<paramref name="factsAlone"/>, no deadline or calendar of its own) cannot
    /// come out unknown in a session none of whose facts has a value that can read as unknown, so the search for unknown
    /// combinations is skipped there (the combinations are produced lazily: no look-up, no condition is evaluated).
    /// </summary>
    public static Candidates Test(EvaluationContext context, IEnumerable<Tried> tried, bool unknown, bool factsAlone) =>
        unknown && factsAlone && !context.AnyUnknownValue ? None : new([.. tried], unknown);

    /// <summary>For each candidate of a variable, the combinations of the variables after it.</summary>
    public static IEnumerable<Tried> Each(Fact[] candidates, Func<Fact, IEnumerable<Tried>> next) => candidates.SelectMany(next);

    /// <summary>A complete combination and its result.</summary>
    public static IEnumerable<Tried> One(Fact[] own, Val value, Val at) => [new Tried(own, value, at)];
}
