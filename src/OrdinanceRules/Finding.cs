using System.Collections.Immutable;
using OrdinanceRules.Model;

namespace OrdinanceRules;

/// <summary>A fact that a finding is about, and the variable of the provision it was bound to.</summary>
/// <param name="Variable">The provision's variable, such as <c>r</c>.</param>
/// <param name="FactType">The fact's type, such as <c>request</c>.</param>
/// <param name="FactId">The fact's id.</param>
public sealed record FactBinding(string Variable, string FactType, string FactId);

/// <summary>An exception that applied, with its citation.</summary>
/// <param name="Id">The exception's id.</param>
/// <param name="Section">Its citation.</param>
/// <param name="Title">Its title.</param>
/// <param name="Facts">The further facts that made it hold.</param>
public sealed record AppliedException(string Id, string Section, string Title, ImmutableArray<FactBinding> Facts);

/// <summary>
/// The outcome of one provision for one matching set of facts, with its citation and the reason.
/// Decided by the NRules rules the provision was compiled into.
/// </summary>
public sealed record Finding
{
    /// <summary>The provision's id, such as <c>P2</c>.</summary>
    public required string ProvisionId { get; init; }

    /// <summary>The full citation, such as "Roeland Park Ordinance 1005, § 3(a)".</summary>
    public required string Citation { get; init; }

    /// <summary>The provision's section, such as <c>§ 3(a)</c>.</summary>
    public required string Section { get; init; }

    /// <summary>The provision's title.</summary>
    public required string Title { get; init; }

    /// <summary>
    /// For a provision the ordinance took from a base it extends (a model ordinance): the base's citation and
    /// section; null for the ordinance's own provisions.
    /// </summary>
    public ProvisionOrigin? Origin { get; init; }

    /// <summary>The provision's wording.</summary>
    public required string Text { get; init; }

    /// <summary>The provision's deontic kind.</summary>
    public required Modality Modality { get; init; }

    /// <summary>The outcome.</summary>
    public required FindingStatus Status { get; init; }

    /// <summary>One sentence saying why.</summary>
    public required string Reason { get; init; }

    /// <summary>The facts that triggered the finding, by the provision's variables; empty when none matched.</summary>
    public ImmutableArray<FactBinding> Facts { get; init; } = [];

    /// <summary>For <see cref="FindingStatus.ExceptionApplies"/>: the exceptions that applied.</summary>
    public ImmutableArray<AppliedException> Exceptions { get; init; } = [];

    /// <summary>For <see cref="FindingStatus.Undetermined"/>: each unknown the outcome depends on, such as <c>threat t1: specificity</c>.</summary>
    public ImmutableArray<string> Unknowns { get; init; } = [];

    /// <summary>For an obligation with a deadline: when it falls (or fell) due.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>For an obligation: when it was discharged, if it was.</summary>
    public DateTimeOffset? DischargedAt { get; init; }
}

/// <summary>Two provisions of equal rank that bear on the same facts and conclude differently, with no precedence between them.</summary>
/// <param name="ProvisionId">The provision whose breach (or duty) the other's permission contradicts.</param>
/// <param name="Citation">Its citation.</param>
/// <param name="OtherProvisionId">The permission.</param>
/// <param name="OtherCitation">Its citation.</param>
/// <param name="Facts">The facts both bear on.</param>
/// <param name="Description">One sentence naming both and what they conclude.</param>
public sealed record Conflict(string ProvisionId, string Citation, string OtherProvisionId, string OtherCitation, ImmutableArray<FactBinding> Facts, string Description);
