using System.Collections.Immutable;
using System.Text.RegularExpressions;
using OrdinanceRules.Model;

namespace OrdinanceRules.Suites;

/// <summary>What a coverage item is: a status, an exception that applied, or a reading's alternative.</summary>
public enum CoverageItemKind
{
    /// <summary>A finding status other than exception-applies.</summary>
    Status,

    /// <summary>
    /// A finding of exception-applies that names one exception of the provision, or, for a carve-out, the finding of
    /// its outcome (not-applicable or complied) that names it.
    /// </summary>
    Exception,

    /// <summary>An evaluation under one alternative of a reading the provision's conditions test.</summary>
    ReadingAlternative,
}

/// <summary>One outcome a provision can have, and the cases that reached it.</summary>
/// <param name="Kind">What the outcome is.</param>
/// <param name="Label">The outcome as the coverage list writes it: <c>violated</c>, <c>exception E2a</c>, <c>reading p3-anchor=receipt</c>.</param>
/// <param name="ReachedBy">The names of the cases that reached it, in the order run; empty when none did.</param>
public sealed record CoverageItem(CoverageItemKind Kind, string Label, ImmutableArray<string> ReachedBy)
{
    /// <summary>Whether some case reached the outcome.</summary>
    public bool Reached => !ReachedBy.IsEmpty;
}

/// <summary>The outcomes of one provision, reached or not.</summary>
/// <param name="ProvisionId">The provision's id.</param>
/// <param name="Items">Its outcomes, in the order of docs/drafting.md's definition.</param>
public sealed record ProvisionCoverage(string ProvisionId, ImmutableArray<CoverageItem> Items)
{
    /// <summary>How many outcomes some case reached.</summary>
    public int Reached => Items.Count(i => i.Reached);

    /// <summary>How many outcomes the provision can have.</summary>
    public int Total => Items.Length;
}

/// <summary>
/// Outcome coverage: for each provision of an ordinance, which legal outcomes some case of a suite reached.
/// </summary>
/// <remarks>
/// The universe, per provision, in this order (docs/drafting.md, "Outcome coverage"): violated (not for an
/// obligation without a deadline, which is never violated); complied; one item per exception written
/// directly under the provision, reached by an exception-applies finding that names it (a carve-out, by a
/// finding of its outcome, not-applicable or complied, that names it); not-applicable;
/// pending (obligations only); undetermined; and, for each reading the provision's conditions test with
/// <c>reading('name')</c> (or that the conditions of a provision whose findings it tests with <c>violated('P', x)</c>
/// test), one item per alternative, reached by a case evaluated under it. A case reaches
/// a status or exception when its report has a finding of the provision with it, whether or not the case
/// checks that provision and whether or not it passed.
/// </remarks>
public sealed partial class OutcomeCoverage
{
    private OutcomeCoverage(Ordinance ordinance, ImmutableArray<ProvisionCoverage> provisions)
    {
        Ordinance = ordinance;
        Provisions = provisions;
    }

    /// <summary>The ordinance measured.</summary>
    public Ordinance Ordinance { get; }

    /// <summary>One entry per provision, in the ordinance's order.</summary>
    public ImmutableArray<ProvisionCoverage> Provisions { get; }

    /// <summary>How many outcomes some case reached, over every provision.</summary>
    public int Reached => Provisions.Sum(p => p.Reached);

    /// <summary>How many outcomes there are, over every provision.</summary>
    public int Total => Provisions.Sum(p => p.Total);

    /// <summary>The share reached, from 0 to 100; 100 when there is nothing to reach.</summary>
    public decimal Percent => Total == 0 ? 100m : 100m * Reached / Total;

    /// <summary>Measures which outcomes of an ordinance the given case results reached.</summary>
    /// <param name="ordinance">The ordinance the cases were run against.</param>
    /// <param name="results">The results of the cases, from one suite or several; cases that could not be evaluated reach nothing.</param>
    /// <returns>The coverage.</returns>
    public static OutcomeCoverage Measure(Ordinance ordinance, IEnumerable<CaseResult> results)
    {
        ArgumentNullException.ThrowIfNull(ordinance);
        ArgumentNullException.ThrowIfNull(results);
        var evaluated = results.Where(r => r.Report is not null).ToList();
        var provisions = ordinance.Provisions.Select(p => Measure(ordinance, p, evaluated));
        return new OutcomeCoverage(ordinance, [.. provisions]);
    }

    private static ProvisionCoverage Measure(Ordinance ordinance, Provision provision, List<CaseResult> results)
    {
        var items = new List<CoverageItem>();

        void Status(FindingStatus status) =>
            items.Add(new CoverageItem(CoverageItemKind.Status, StatusWords.Of(status), ReachedBy(results, provision.Id, f => f.Status == status)));

        var isObligation = provision.Modality == Modality.Obligation;
        if (!isObligation || provision.Duty?.Deadline is not null)
        {
            Status(FindingStatus.Violated);
        }

        Status(FindingStatus.Complied);
        foreach (var exception in provision.Exceptions)
        {
            // A carve-out never makes a finding exception-applies: it is reached by the NotApplicable (or Complied)
            // finding that names it, the outcome it gives.
            var outcome = exception.CarveOut switch
            {
                CarveOutOutcome.NotApplicable => FindingStatus.NotApplicable,
                CarveOutOutcome.Complied => FindingStatus.Complied,
                _ => FindingStatus.ExceptionApplies,
            };
            items.Add(new CoverageItem(
                CoverageItemKind.Exception,
                exception.CarveOut is null ? $"exception {exception.Id}" : $"carve-out {exception.Id}",
                ReachedBy(results, provision.Id, f => f.Status == outcome && f.Exceptions.Any(e => e.Id == exception.Id))));
        }

        Status(FindingStatus.NotApplicable);
        if (isObligation)
        {
            Status(FindingStatus.Pending);
        }

        Status(FindingStatus.Undetermined);

        var tested = ReadingsTested(ordinance, provision);
        foreach (var reading in ordinance.Readings.Where(r => tested.Contains(r.Name)))
        {
            foreach (var alternative in reading.Alternatives)
            {
                var reachedBy = results
                    .Where(r => r.Report!.Readings.Any(a => a.Name == reading.Name && a.Alternative == alternative.Name))
                    .Select(r => r.Case.Name);
                items.Add(new CoverageItem(CoverageItemKind.ReadingAlternative, $"reading {reading.Name}={alternative.Name}", [.. reachedBy.Distinct(StringComparer.Ordinal)]));
            }
        }

        return new ProvisionCoverage(provision.Id, [.. items]);
    }

    private static ImmutableArray<string> ReachedBy(List<CaseResult> results, string provisionId, Func<Finding, bool> reaches) =>
        [.. results.Where(r => r.Report!.For(provisionId).Any(reaches)).Select(r => r.Case.Name).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The names of the readings a provision's conditions test, anywhere in it, its duty or its exceptions, and those
    /// of the provisions whose findings it tests (<c>violated('P1a', a)</c>), and theirs: a reading that decides a
    /// finding a derived finding rests on decides the derived finding too.
    /// </summary>
    private static HashSet<string> ReadingsTested(Ordinance ordinance, Provision provision)
    {
        var tested = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal) { provision.Id };
        var pending = new Queue<Provision>([provision]);
        while (pending.TryDequeue(out var next))
        {
            var texts = ConditionTexts(next);
            tested.UnionWith(texts.SelectMany(t => ReadingCall().Matches(t.Text)).Select(m => m.Groups["name"].Value));
            foreach (var id in texts.SelectMany(t => FindingCall().Matches(t.Text)).Select(m => m.Groups["id"].Value))
            {
                if (seen.Add(id) && ordinance.Provisions.FirstOrDefault(p => p.Id == id) is { } rested)
                {
                    pending.Enqueue(rested);
                }
            }
        }

        return tested;
    }

    /// <summary>Every condition of a provision, its duty and its exceptions.</summary>
    private static List<ConditionText> ConditionTexts(Provision provision)
    {
        var texts = new List<ConditionText?> { provision.Match, provision.AppliesWhen, provision.ViolatedWhen?.When };
        texts.AddRange(provision.Versions.SelectMany(v => new[] { v.AppliesWhen, v.ViolatedWhen }));
        if (provision.Duty is { } duty)
        {
            texts.AddRange([duty.MetBy.When, duty.At, duty.Deadline?.From, duty.Deadline?.Due, duty.Deadline?.Inclusive]);
        }

        var pending = new Stack<ProvisionException>(provision.Exceptions);
        while (pending.TryPop(out var exception))
        {
            texts.Add(exception.When.When);
            foreach (var inner in exception.Exceptions)
            {
                pending.Push(inner);
            }
        }

        return [.. texts.OfType<ConditionText>()];
    }

    [GeneratedRegex("""reading\s*\(\s*(['"])(?<name>[^'"]+)\1\s*\)""", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ReadingCall();

    [GeneratedRegex("""violated\s*\(\s*(['"])(?<id>[^'"]+)\1""", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex FindingCall();
}
