using System.Collections.Immutable;
using OrdinanceRules.Facts;

namespace OrdinanceRules.Analysis;

/// <summary>What an analysis finds about one provision or exception.</summary>
public enum AnalysisFindingKind
{
    /// <summary>The provision never reaches any facts: its match, time of law and applies-when are never all yes.</summary>
    NeverApplies,

    /// <summary>The provision applies to some facts but is never <see cref="FindingStatus.Violated"/>.</summary>
    NeverViolated,

    /// <summary>The provision applies to some facts but is never <see cref="FindingStatus.Complied"/>.</summary>
    NeverComplied,

    /// <summary>An exception never stands against the claim it excepts.</summary>
    ExceptionNeverHolds,

    /// <summary>An exception can stand, but the provision's finding is the same without it in every scenario (a dead exception).</summary>
    ExceptionNeverChangesOutcome,

    /// <summary>The solver reached its time limit before it could decide a question: nothing is claimed.</summary>
    Undecided,

    /// <summary>
    /// The provision and a permission of equal rank, neither declared to prevail over the other, bear on the same facts:
    /// the permission is engaged where the provision's claim stands undefeated, and the compiled rules report a conflict.
    /// </summary>
    Conflict,

    /// <summary>
    /// An obligation can apply while its deadline's anchor (or due instant) has no value: no deadline can be computed, and
    /// the duty is <see cref="FindingStatus.Undetermined"/>.
    /// </summary>
    DeadlineAnchorCanBeAbsent,
}

/// <summary>
/// A scenario the analysis built, and the status it claims the provision's finding for <see cref="Facts"/> has in it
/// under <see cref="Readings"/>; evaluating the scenario with the compiled ordinance gives exactly that status.
/// </summary>
/// <param name="ProvisionId">The provision.</param>
/// <param name="Scenario">The scenario, with its as-of instant.</param>
/// <param name="Facts">The provision's <c>for</c> variables and the facts they bind.</param>
/// <param name="Status">The status the finding for those facts has.</param>
/// <param name="Readings">The readings the analysis took, by name.</param>
public sealed record Witness(string ProvisionId, Scenario Scenario, ImmutableArray<FactBinding> Facts, FindingStatus Status, ImmutableDictionary<string, string> Readings)
{
    /// <summary>
    /// The permission the evaluation's <see cref="ComplianceReport.Conflicts"/> names as in conflict with the provision on
    /// these facts (a <see cref="AnalysisFindingKind.Conflict"/> witness); null for any other witness.
    /// </summary>
    public string? ConflictsWith { get; init; }
}

/// <summary>One finding of an analysis.</summary>
/// <param name="Kind">What was found.</param>
/// <param name="ProvisionId">The provision it is about.</param>
/// <param name="ExceptionId">The exception it is about, or null.</param>
/// <param name="Message">What was found, in a sentence.</param>
/// <param name="Witness">A scenario that shows what happens instead (for an undecided question, null).</param>
public sealed record AnalysisFinding(AnalysisFindingKind Kind, string ProvisionId, string? ExceptionId, string Message, Witness? Witness)
{
    /// <summary>The other provision it is about (the permission of a <see cref="AnalysisFindingKind.Conflict"/>), or null.</summary>
    public string? OtherProvisionId { get; init; }
}

/// <summary>What the analysis found a provision can do.</summary>
/// <param name="ProvisionId">The provision.</param>
/// <param name="NotAnalysed">What the provision uses that the analysis does not encode yet; empty when it was analysed.</param>
/// <param name="Reachable">One witness for each status some scenario of the shape gives it.</param>
/// <param name="Unreachable">The statuses no scenario of the shape gives it.</param>
/// <param name="Undecided">The statuses the solver could not decide in time.</param>
public sealed record ProvisionAnalysis(string ProvisionId, ImmutableArray<string> NotAnalysed, ImmutableArray<Witness> Reachable, ImmutableArray<FindingStatus> Unreachable, ImmutableArray<FindingStatus> Undecided)
{
    /// <summary>Whether the provision was analysed (it uses nothing the encoding does not cover).</summary>
    public bool IsAnalysed => NotAnalysed.IsEmpty;
}

/// <summary>The result of analysing an ordinance: per provision what it can do, and the findings.</summary>
/// <param name="Ordinance">The ordinance's citation.</param>
/// <param name="FactsPerType">The bound the scenarios searched kept to.</param>
/// <param name="Provisions">One entry per provision, in the ordinance's order.</param>
/// <param name="Findings">What the analysis found, provision by provision.</param>
public sealed record AnalysisReport(string Ordinance, int FactsPerType, ImmutableArray<ProvisionAnalysis> Provisions, ImmutableArray<AnalysisFinding> Findings)
{
    /// <summary>Every witness of the report: the provisions' reachable statuses and the findings' witnesses.</summary>
    public IEnumerable<Witness> Witnesses =>
        Provisions.SelectMany(p => p.Reachable).Concat(Findings.Where(f => f.Witness is not null).Select(f => f.Witness!)).Distinct();

    /// <summary>The alternative each reading of the laws analysed took, by name (the options' choices, else each reading's default).</summary>
    public ImmutableDictionary<string, string> Readings { get; init; } = ImmutableDictionary<string, string>.Empty;
}

/// <summary>How far an analysis has got: reported before each provision, and once at the end.</summary>
/// <param name="ProvisionId">The provision about to be analysed; null at the end.</param>
/// <param name="Done">How many provisions are analysed.</param>
/// <param name="Total">How many provisions there are.</param>
public sealed record AnalysisProgress(string? ProvisionId, int Done, int Total);
