using System.Collections.Immutable;
using OrdinanceRules.Evaluation;

namespace OrdinanceRules;

/// <summary>The findings of one scenario under one ordinance, as of an instant.</summary>
/// <remarks>Findings are in a deterministic order: by provision as the ordinance lists them, then by the facts' ids.</remarks>
public sealed record ComplianceReport
{
    /// <summary>The ordinance's citation, such as "Roeland Park Ordinance 1005".</summary>
    public required string Ordinance { get; init; }

    /// <summary>The ordinance's title.</summary>
    public required string Title { get; init; }

    /// <summary>What is known of the ordinance's text and its reliability.</summary>
    public string? Notes { get; init; }

    /// <summary>The scenario's name.</summary>
    public required string Scenario { get; init; }

    /// <summary>The instant the scenario was judged at.</summary>
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>The jurisdiction's IANA time zone, in which the report's instants are shown.</summary>
    public required string TimeZone { get; init; }

    /// <summary>The citations of the higher laws the ordinance was stacked under; empty when evaluated alone.</summary>
    public ImmutableArray<string> HigherLaws { get; init; } = [];

    /// <summary>
    /// Provisions of equal rank, with no precedence between them, that bear on the same facts and conclude
    /// differently (a permission and a breach). The findings stand as the rules decided them; each conflict says
    /// that a drafter must settle which prevails.
    /// </summary>
    public ImmutableArray<Conflict> Conflicts { get; init; } = [];

    /// <summary>The readings the evaluation used, in the ordinance's order; empty when it declares none.</summary>
    public ImmutableArray<AppliedReading> Readings { get; init; } = [];

    /// <summary>
    /// The yes/no fields the scenario left out that the evaluation read as their vocabulary's default, in scenario
    /// order; empty when none. An omitted yes/no field with no default is unknown instead, and named by the findings
    /// that depend on it.
    /// </summary>
    public ImmutableArray<AppliedDefault> DefaultsApplied { get; init; } = [];

    /// <summary>The findings.</summary>
    public required ImmutableArray<Finding> Findings { get; init; }

    /// <summary>
    /// The content hash of the law that decided (<see cref="Model.Ordinance.ContentHash"/>); in a law stack, the hash of the
    /// ordinance's and each higher law's hashes in order. Null when any of them was built in code.
    /// </summary>
    public string? ContentHash { get; init; }

    /// <summary>
    /// The digest of the scenario's facts, as <c>sha256:</c> and 64 hex digits over their canonical text (docs/json.md,
    /// "Input digest"): equal facts give an equal digest whatever their order or the file's layout. Null for a report not
    /// made by an evaluation.
    /// </summary>
    public string? InputDigest { get; init; }

    /// <summary>
    /// When evaluated with <see cref="EvaluationOptions.Explain"/>: why each finding came out as it did, one
    /// explanation per finding in the order of <see cref="Findings"/>; otherwise empty.
    /// </summary>
    public ImmutableArray<Explanations.Explanation> Explanations { get; init; } = [];

    /// <summary>Whether any finding is <see cref="FindingStatus.Violated"/>.</summary>
    public bool HasViolations => Findings.Any(f => f.Status == FindingStatus.Violated);

    /// <summary>The findings of one provision.</summary>
    /// <param name="provisionId">The provision's id.</param>
    /// <returns>Its findings, in report order.</returns>
    public IEnumerable<Finding> For(string provisionId) => Findings.Where(f => f.ProvisionId == provisionId);
}
