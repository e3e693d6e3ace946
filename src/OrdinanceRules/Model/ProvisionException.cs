using System.Collections.Immutable;
using OrdinanceRules.Diagnostics;

namespace OrdinanceRules.Model;

/// <summary>
/// An exception to a provision, or to another exception: when its test holds, it defeats what it is an
/// exception to. Exceptions can carry exceptions of their own, to any depth; a deeper exception takes
/// precedence over the one it excepts.
/// </summary>
public sealed record ProvisionException
{
    /// <summary>A short id, unique in the ordinance, such as <c>E2a</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The citation, such as <c>§ 3(b)(1)</c>.</summary>
    public required string Section { get; init; }

    /// <summary>A short title, such as "Specific threat to public safety".</summary>
    public required string Title { get; init; }

    /// <summary>The exception's wording.</summary>
    public string? Text { get; init; }

    /// <summary>When the exception holds.</summary>
    public required FactTest When { get; init; }

    /// <summary>
    /// When the exception stops holding (a crime that ends): it then no longer defeats an obligation, and the
    /// obligation's deadline runs afresh from that end. Null: the exception holds for good once it holds.
    /// </summary>
    public Lapse? Lapses { get; init; }

    /// <summary>
    /// For a carve-out (a scope clause that narrows the provision): what its holding makes of the conduct, NotApplicable
    /// or Complied, instead of ExceptionApplies. Null for an exception that defeats a breach. Only an exception written
    /// directly under a provision may be a carve-out.
    /// </summary>
    public CarveOutOutcome? CarveOut { get; init; }

    /// <summary>Exceptions to this exception.</summary>
    public ImmutableArray<ProvisionException> Exceptions { get; init; } = [];

    /// <summary>
    /// The name of the shared exception set it was written in, when several provisions share it (the same
    /// exception then stands under each of them); null for an exception written under its provision.
    /// </summary>
    public string? SharedFrom { get; init; }

    /// <summary>Where the exception was written.</summary>
    public SourceLocation? Location { get; init; }
}

/// <summary>
/// How an exception to an obligation lapses: at an instant (such as the end of a crime in progress), if a
/// condition holds then (such as the activity still being in the future), after which the duty revives and
/// its deadline runs afresh from the lapse (Roeland Park reading I-2).
/// </summary>
/// <param name="At">An instant expression: when the exception stops holding, such as <c>c.endedAt</c>. Absent means it still holds.</param>
/// <param name="If">A yes/no condition: whether the lapse revives the duty, such as <c>c.endedAt &lt; o.plannedStart</c>. Null: it always does.</param>
/// <param name="RestartWithin">The fresh deadline, measured from <paramref name="At"/>, such as 48 hours.</param>
public sealed record Lapse(ConditionText At, ConditionText? If, TimeSpan RestartWithin);
