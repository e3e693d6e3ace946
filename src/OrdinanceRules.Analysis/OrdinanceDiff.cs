using System.Collections.Immutable;
using Google.OrTools.Sat;
using OrdinanceRules.Analysis.Encoding;
using OrdinanceRules.Compilation;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Model;
using OrdinanceRules.Vocabulary;

namespace OrdinanceRules.Analysis;

/// <summary>One side of a diff: an ordinance and the alternatives its readings take.</summary>
/// <param name="Ordinance">The ordinance, as loaded.</param>
public sealed record DiffSide(Ordinance Ordinance)
{
    /// <summary>The alternative taken for each reading, by name; a reading not named takes its default.</summary>
    public ImmutableDictionary<string, string> Readings { get; init; } = ImmutableDictionary<string, string>.Empty;
}

/// <summary>Whether two provisions' findings can differ on the same facts.</summary>
public enum DiffOutcome
{
    /// <summary>Some scenario of the shape gives them different findings: see the witnesses.</summary>
    Differs,

    /// <summary>No scenario of the shape gives them different findings.</summary>
    NoDifference,

    /// <summary>The solver reached its time limit before it found a difference or showed there is none: nothing is claimed.</summary>
    Undecided,
}

/// <summary>
/// A scenario on which two provisions' findings differ: <see cref="A"/> is the finding of side a's provision,
/// <see cref="B"/> side b's, for the same facts; both witnesses hold the same scenario.
/// </summary>
/// <param name="A">Side a's provision, the facts its finding is for, and its status.</param>
/// <param name="B">Side b's provision, the facts its finding is for, and its status.</param>
public sealed record Difference(Witness A, Witness B);

/// <summary>Two provisions compared, one from each side, and the scenarios on which their findings differ.</summary>
/// <param name="ProvisionA">Side a's provision.</param>
/// <param name="ProvisionB">Side b's provision.</param>
/// <param name="Outcome">Whether their findings can differ.</param>
/// <param name="Differences">Minimal witnesses, one per pair of statuses found (empty unless <see cref="DiffOutcome.Differs"/>).</param>
public sealed record ProvisionPairDiff(string ProvisionA, string ProvisionB, DiffOutcome Outcome, ImmutableArray<Difference> Differences);

/// <summary>What a diff found.</summary>
/// <param name="A">Side a's citation.</param>
/// <param name="B">Side b's citation.</param>
/// <param name="FactsPerType">The bound the scenarios searched kept to.</param>
/// <param name="Pairs">Every pair of provisions compared.</param>
/// <param name="NotCompared">The provisions left out, each with why (what the encoding does not cover, or no provision to pair it with).</param>
public sealed record DiffReport(string A, string B, int FactsPerType, ImmutableArray<ProvisionPairDiff> Pairs, ImmutableArray<string> NotCompared)
{
    /// <summary>Whether some pair differs.</summary>
    public bool HasDifferences => Pairs.Any(p => p.Outcome == DiffOutcome.Differs);
}

/// <summary>
/// Where two ordinances over a shared vocabulary (or one ordinance under two readings, or two versions of a file)
/// disagree: for each pair of provisions that bear on the same facts, minimal scenarios on which their findings differ,
/// found by the constraint solver, each with both outcomes (docs/analysis.md, "Diff").
/// </summary>
/// <remarks>
/// Provisions with the same id are paired, and their findings differ when their statuses do. The others are paired
/// when their <c>for</c> variables have the same types; their findings differ when one is violated and the other
/// applies and is complied with or excepted (two provisions about different conduct are not said to disagree merely
/// because one does not apply). A witness's scenario holds only fact types and fields both vocabularies declare alike,
/// so it loads under either ordinance.
/// </remarks>
public static class OrdinanceDiff
{
    /// <summary>The most witnesses given for one pair.</summary>
    private const int WitnessesPerPair = 4;

    /// <summary>Compares two ordinances (or one under two readings).</summary>
    /// <param name="a">Side a.</param>
    /// <param name="b">Side b.</param>
    /// <param name="options">The bound and the time limit (its readings are ignored: each side names its own); null for the defaults.</param>
    /// <param name="progress">Told before each pair is compared; null for none.</param>
    /// <returns>The report.</returns>
    /// <exception cref="OrdinanceDiagnosticException">A side does not compile, or the two vocabularies cannot be shared.</exception>
    /// <exception cref="ArgumentException">A side names a reading or an alternative its ordinance does not declare.</exception>
    public static DiffReport Compare(DiffSide a, DiffSide b, AnalysisOptions? options, IProgress<AnalysisProgress>? progress)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        options ??= AnalysisOptions.Default;
        var shared = a.Ordinance.Vocabulary.Extend(a.Ordinance.Vocabulary.Name, b.Ordinance.Vocabulary.Types, out var problems)
            ?? throw new OrdinanceDiagnosticException([.. problems.Select(p => p with { Message = $"{b.Ordinance.Citation} and {a.Ordinance.Citation} cannot share a vocabulary: {p.Message}" })]);
        var nodesA = OrdinanceAnalyzer.Bind(a.Ordinance with { Vocabulary = shared }, [], out var lawsA);
        var nodesB = OrdinanceAnalyzer.Bind(b.Ordinance with { Vocabulary = shared }, [], out var lawsB);
        var readingsA = OrdinanceAnalyzer.Readings(lawsA, options with { Readings = a.Readings });
        var readingsB = OrdinanceAnalyzer.Readings(lawsB, options with { Readings = b.Readings });
        var notCompared = ImmutableArray.CreateBuilder<string>();
        var (byIdA, byIdB) = (OrdinanceAnalyzer.ById(nodesA), OrdinanceAnalyzer.ById(nodesB));
        var comparableA = Comparable(nodesA, byIdA, readingsA, options, "a", notCompared);
        var comparableB = Comparable(nodesB, byIdB, readingsB, options, "b", notCompared);

        var pairs = new List<(ProvisionNode A, ProvisionNode B, bool SameId)>();
        foreach (var p in comparableA)
        {
            if (comparableB.FirstOrDefault(q => q.Id == p.Id) is { } same)
            {
                pairs.Add((p, same, true));
            }
        }

        var paired = pairs.SelectMany(x => new[] { x.A, x.B }).ToHashSet();
        foreach (var p in comparableA.Where(n => !paired.Contains(n)))
        {
            pairs.AddRange(comparableB.Where(q => !paired.Contains(q) && Signature(q) == Signature(p)).Select(q => (p, q, false)));
        }

        var inPairs = pairs.SelectMany(x => new[] { x.A, x.B }).ToHashSet();
        notCompared.AddRange(comparableA.Where(n => !inPairs.Contains(n)).Select(n => $"a: {n.Id}: no provision of b has its id or bears on facts of the same types ({Signature(n)})"));
        notCompared.AddRange(comparableB.Where(n => !inPairs.Contains(n)).Select(n => $"b: {n.Id}: no provision of a has its id or bears on facts of the same types ({Signature(n)})"));

        var common = new Common(a.Ordinance.Vocabulary, b.Ordinance.Vocabulary);
        var results = ImmutableArray.CreateBuilder<ProvisionPairDiff>();
        for (var i = 0; i < pairs.Count; i++)
        {
            progress?.Report(new AnalysisProgress($"{pairs[i].A.Id} / {pairs[i].B.Id}", i, pairs.Count));
            try
            {
                results.Add(ComparePair(pairs[i], (byIdA, byIdB), readingsA, readingsB, options, common));
            }
            catch (NotSupportedException ex)
            {
                // What the pair needs together and the encoding lacks (each side alone is covered): two recurring duties
                // whose periods are counted in different zones.
                notCompared.Add($"a: {pairs[i].A.Id} and b: {pairs[i].B.Id}: not compared: they use {ex.Message}");
            }
        }

        progress?.Report(new AnalysisProgress(null, pairs.Count, pairs.Count));
        return new DiffReport(a.Ordinance.Citation, b.Ordinance.Citation, options.FactsPerType, results.ToImmutable(), notCompared.ToImmutable());
    }

    /// <summary>The provisions the encoding covers; the others are listed with what they use.</summary>
    private static List<ProvisionNode> Comparable(ImmutableArray<ProvisionNode> nodes, IReadOnlyDictionary<string, ProvisionNode> provisions, ImmutableDictionary<string, string> readings, AnalysisOptions options, string side, ImmutableArray<string>.Builder notCompared)
    {
        var comparable = new List<ProvisionNode>();
        foreach (var node in nodes)
        {
            var reasons = ProvisionModel.WhyNotAnalysed(node, provisions, readings, options.FactsPerType);
            if (reasons.IsEmpty)
            {
                comparable.Add(node);
            }
            else
            {
                notCompared.Add($"{side}: {node.Id}: not analysed: {string.Join("; ", reasons)}");
            }
        }

        return comparable;
    }

    private static string Signature(ProvisionNode node) => string.Join(", ", node.SubjectFrame.Select(v => v.Type.Name).Order(StringComparer.Ordinal));

    private static ProvisionPairDiff ComparePair((ProvisionNode A, ProvisionNode B, bool SameId) pair,
        (IReadOnlyDictionary<string, ProvisionNode> A, IReadOnlyDictionary<string, ProvisionNode> B) provisions, ImmutableDictionary<string, string> readingsA, ImmutableDictionary<string, string> readingsB, AnalysisOptions options, Common common)
    {
        var found = ImmutableArray.CreateBuilder<Difference>();
        var seen = new List<(FindingStatus, FindingStatus)>();

        // Two provisions of one id whose for variables range over the same types are compared on each choice of them,
        // both bound alike (ProvisionModel.TypeChoices); any other pair on the first type of each variable.
        var sameTypes = pair.SameId && pair.A.SubjectFrame.Select(v => string.Join(",", v.TypeNames)).SequenceEqual(pair.B.SubjectFrame.Select(v => string.Join(",", v.TypeNames)));
        var choices = sameTypes ? ProvisionModel.TypeChoices(pair.A).ToList() : [default];
        var undecided = false;
        foreach (var types in choices)
        {
            undecided |= Compare(pair, provisions, types, readingsA, readingsB, options, common, found, seen);
        }

        return new ProvisionPairDiff(pair.A.Id, pair.B.Id, found.Count > 0 ? DiffOutcome.Differs : undecided ? DiffOutcome.Undecided : DiffOutcome.NoDifference, found.ToImmutable());
    }

    /// <summary>The pair's differences with its for variables bound to <paramref name="types"/>, added to <paramref name="found"/>; true when the solver ran out of time.</summary>
    private static bool Compare((ProvisionNode A, ProvisionNode B, bool SameId) pair, (IReadOnlyDictionary<string, ProvisionNode> A, IReadOnlyDictionary<string, ProvisionNode> B) provisions, ImmutableArray<int> types, ImmutableDictionary<string, string> readingsA, ImmutableDictionary<string, string> readingsB, AnalysisOptions options, Common common,
        ImmutableArray<Difference>.Builder found, List<(FindingStatus, FindingStatus)> seen)
    {
        while (found.Count < WitnessesPerPair)
        {
            var shape = new Shape(new Sat(), pair.A.Law.Vocabulary, options.FactsPerType, ProvisionModel.Constants(pair.A, provisions.A).Concat(ProvisionModel.Constants(pair.B, provisions.B)));
            var a = new ProvisionModel(pair.A, provisions.A, readingsA, shape, types);
            var b = new ProvisionModel(pair.B, provisions.B, readingsB, shape, types);
            var sat = shape.Sat;
            sat.Require(a.NoFinding.Not());
            sat.Require(b.NoFinding.Not());
            var (sa, sb) = (a.StatusLits, b.StatusLits);
            sat.Require(pair.SameId
                ? sat.Or([.. sa.Select((x, i) => sat.And(x, sb[i].Not()))])
                : sat.Or(sat.And(a.Violated, sat.Or(b.Complied, b.ExceptionApplies)), sat.And(b.Violated, sat.Or(a.Complied, a.ExceptionApplies))));
            foreach (var (x, y) in seen)
            {
                sat.Require(sat.And(sa[Index(x)], sb[Index(y)]).Not());
            }

            common.Restrict(shape);
            var (status, solver) = OrdinanceAnalyzer.SolveMinimal(sat, shape, options);
            if (status is CpSolverStatus.Infeasible)
            {
                return false;
            }

            if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
            {
                return true;
            }

            var (statusA, statusB) = (a.StatusOf(solver), b.StatusOf(solver));
            var scenario = a.Decode(solver, $"{pair.A.Id} {Word(statusA)}, {pair.B.Id} {Word(statusB)} (diff witness)", OrdinanceAnalyzer.AsOf);
            found.Add(new Difference(new Witness(pair.A.Id, scenario, a.FactsOf(solver), statusA, readingsA), new Witness(pair.B.Id, scenario, b.FactsOf(solver), statusB, readingsB)));
            seen.Add((statusA, statusB));
        }

        return false;
    }

    private static int Index(FindingStatus status) => ProvisionModel.Statuses.IndexOf(status);

    private static string Word(FindingStatus status) => status.ToString();

    /// <summary>
    /// What both vocabularies declare alike: a witness holds only those types and fields, so it loads under either
    /// ordinance. An enumeration one side extends with values of its own (Roeland Park's action kinds) holds only the
    /// values both declare.
    /// </summary>
    private sealed class Common(FactVocabulary a, FactVocabulary b)
    {
        private static void Absent(Shape shape, FieldSlot field)
        {
            shape.Sat.Require(field.Known.Not());
            shape.Sat.Require(field.Unknown.Not());
        }

        private static void Shared(Shape shape, FieldSlot field, FieldType ta, FieldType tb)
        {
            var kind = field.Definition.Type.Kind;
            if (ta.Kind != tb.Kind || kind is not (FieldKind.Enumeration or FieldKind.EnumerationSet) || ta.ReferencedType != tb.ReferencedType)
            {
                Absent(shape, field);
                return;
            }

            var shared = ta.Values.Intersect(tb.Values, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
            var values = field.Definition.Type.Values;
            for (var i = 0; i < values.Length; i++)
            {
                if (!shared.Contains(values[i]))
                {
                    var held = kind == FieldKind.Enumeration ? shape.Sat.Eq(field.Value, Num.Of(shape.IndexOf(values[i]))) : field.Members[i];
                    shape.Sat.Require(shape.Sat.Implies(field.Known, held.Not()));
                }
            }
        }

        public void Restrict(Shape shape)
        {
            // A recurring duty's periods are generated, not written into the witness.
            foreach (var slot in shape.AllSlots.Where(s => !s.Type.Generated))
            {
                if (!a.TryGetType(slot.Type.Name, out var ta) || !b.TryGetType(slot.Type.Name, out var tb))
                {
                    shape.Sat.Require(slot.Exists.Not());
                    continue;
                }

                foreach (var field in slot.Fields.Values)
                {
                    var name = field.Definition.Name;
                    if (!ta.TryGetField(name, out var fa) || !tb.TryGetField(name, out var fb) || fa.Default != fb.Default)
                    {
                        Absent(shape, field);
                    }
                    else if (!fa.Type.Equals(fb.Type))
                    {
                        Shared(shape, field, fa.Type, fb.Type);
                    }
                }
            }
        }
    }
}
