using System.Collections.Immutable;
using OrdinanceRules.Diagnostics;

namespace OrdinanceRules.Model;

/// <summary>
/// One rule of an ordinance: a prohibition, an obligation, a permission or a non-obligation, whom it
/// binds, when it applies, what breaches or discharges it, and its exceptions. Compiled into NRules rules.
/// </summary>
/// <remarks>
/// A provision is evaluated for each combination of facts bound by <see cref="For"/> that satisfies
/// <see cref="Match"/>. For each, <see cref="AppliesWhen"/> decides whether the provision is engaged;
/// then, for a prohibition, permission or non-obligation, <see cref="ViolatedWhen"/> decides whether it
/// was breached, and for an obligation, <see cref="Duty"/> decides whether it was discharged in time.
/// Exceptions defeat a breach (or, for an obligation, the duty itself).
/// </remarks>
public sealed record Provision
{
    /// <summary>A short id, unique in the ordinance, such as <c>P2</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The citation, such as <c>§ 3(a)</c>.</summary>
    public required string Section { get; init; }

    /// <summary>A short title.</summary>
    public required string Title { get; init; }

    /// <summary>The provision's wording (or the paraphrase it rests on).</summary>
    public required string Text { get; init; }

    /// <summary>The deontic kind.</summary>
    public required Modality Modality { get; init; }

    /// <summary>Whom the provision binds, in words, such as "Roeland Park Police Department".</summary>
    public required string Binds { get; init; }

    /// <summary>The facts the provision is evaluated over; at least one, unless the provision <see cref="Recurs"/>.</summary>
    public required ImmutableArray<Binding> For { get; init; }

    /// <summary>
    /// Which combinations of the bound facts belong together (a join, such as <c>k.operation == o</c>).
    /// Only combinations for which it is true are evaluated. Null when every combination is.
    /// </summary>
    public ConditionText? Match { get; init; }

    /// <summary>When the provision applies to a combination; null when it always does.</summary>
    public ConditionText? AppliesWhen { get; init; }

    /// <summary>For a prohibition, permission or non-obligation: when it is breached.</summary>
    public FactTest? ViolatedWhen { get; init; }

    /// <summary>For an obligation: what discharges it and by when.</summary>
    public Duty? Duty { get; init; }

    /// <summary>
    /// When the conduct or event a combination of facts records happened, as an instant expression (such as
    /// <c>a.start</c>): the provision judges it by the law in force at that time. Null: time of law is not checked.
    /// </summary>
    public ConditionText? EventTime { get; init; }

    /// <summary>
    /// For a duty that recurs each month, quarter or year: the periods the engine generates, each bound (before the
    /// variables of <see cref="For"/>) to the recurrence's variable. Null for a provision that does not recur.
    /// </summary>
    public Recurrence? Recurs { get; init; }

    /// <summary>The provision's own period in force, when it differs from the ordinance's (an amended version).</summary>
    public InForcePeriod? InForce { get; init; }

    /// <summary>
    /// The provision's versions over time, in any order: an event is judged by the one in force at its event time.
    /// Empty for a provision with one wording. A provision with versions names an event time and gives no <see cref="InForce"/>.
    /// </summary>
    public ImmutableArray<ProvisionVersion> Versions { get; init; } = [];

    /// <summary>
    /// Ids of provisions (of this law or another in the stack) that this one prevails over where both bear on
    /// the same facts: a permission that prevails over a prohibition acts as an exception to it. Two provisions
    /// of the same rank that bear on the same facts with no precedence between them are reported as a conflict.
    /// An ordinance read from YAML names only provisions of its own file here: any other id is a load error.
    /// </summary>
    public ImmutableArray<string> PrevailsOver { get; init; } = [];

    /// <summary>The exceptions, each able to carry its own.</summary>
    public ImmutableArray<ProvisionException> Exceptions { get; init; } = [];

    /// <summary>Where the text comes from and how reliable it is, such as "news report (one source)".</summary>
    public string? Source { get; init; }

    /// <summary>
    /// For a provision an extending ordinance took from its base (kept or replaced): the base's citation and
    /// section; null for a provision of the ordinance's own.
    /// </summary>
    public ProvisionOrigin? Origin { get; init; }

    /// <summary>Where the provision was written.</summary>
    public SourceLocation? Location { get; init; }
}
