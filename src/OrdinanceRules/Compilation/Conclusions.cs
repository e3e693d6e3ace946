using System.Collections.Immutable;
using OrdinanceRules.Conditions;
using OrdinanceRules.Facts;

namespace OrdinanceRules.Compilation;

/// <summary>
/// The facts NRules rules infer while evaluating a scenario. All are inserted as linked facts, so
/// that when what supported one stops holding (an exception defeats a breach), NRules retracts it.
/// </summary>
internal abstract class Conclusion
{
}

/// <summary>The scenario's statement that further facts of a type may exist.</summary>
internal sealed class UnknownExistence(string type)
{
    public string Type { get; } = type;
}

/// <summary>
/// A provision's verdict on one combination of its <c>for</c> facts that its match does not rule out: the
/// match, whether the law was in force at the event's time, its applies-when and (for a breach tested on the
/// subject alone) its violated-when, each three-valued and each evaluated once, by the rule that inserts the
/// verdict. A stage is evaluated only when every stage before it is yes, except applies-when, which is evaluated
/// also when whether the law was in force is unknown (no and unknown is no); a stage not evaluated is absent. The
/// outcome rules branch on these fields with alpha tests instead of joining the facts again; a verdict that
/// is <see cref="Engaged"/> is also the subject that a breach tested on further facts, a duty or a permission
/// starts from. It is keyed by its provision and its facts: another provision's rule can find it, and the
/// <see cref="Outcome"/>s that rest on it, by either.
/// </summary>
internal sealed class Verdict(ProvisionNode node, Fact[] bindings, Val match, Val eventTime, Val assumeInForce, Val inForce, Val applies, Val violated) : Conclusion
{
    public ProvisionNode Node { get; } = node;

    /// <summary>The provision, as the writers name it.</summary>
    public ProvisionReference Provision => Node.Reference;

    /// <summary>The provision's <c>for</c> facts, in the subject frame's slot order.</summary>
    public Fact[] Bindings { get; } = bindings;

    /// <summary>Whether the facts belong together (yes when the provision has no match).</summary>
    public Val Match { get; } = match;

    /// <summary>The event's time, when the provision names one.</summary>
    public Val EventTime { get; } = eventTime;

    /// <summary>The reading that assumes the law in force when its effective date is unknown.</summary>
    public Val AssumeInForce { get; } = assumeInForce;

    /// <summary>Whether the law was in force at the event's time (yes when the provision names no event time).</summary>
    public Val InForce { get; } = inForce;

    /// <summary>Whether the provision applies (yes when it has no applies-when).</summary>
    public Val Applies { get; } = applies;

    /// <summary>Whether the provision was breached, for a breach tested on the subject alone; otherwise absent.</summary>
    public Val Violated { get; } = violated;

    /// <summary>The findings of other provisions that its conditions tested (<c>violated('P1a', a)</c>), as collected when it was concluded.</summary>
    public ImmutableArray<Outcome> RestsOn { get; init; } = [];

    /// <summary>The match holds, the law was in force and the provision applies: the provision is engaged.</summary>
    public bool Engaged { get; } = Ops.IsTrue(match) && Ops.IsTrue(inForce) && Ops.IsTrue(applies);

    /// <summary>
    /// The match holds and the provision applies, but whether the law was in force at the event's time is unknown, and
    /// if it was, its text is the one compiled (<see cref="LawPeriod.AsWritten"/>): the breach or duty is claimed
    /// tentatively, so an exception that holds at every possible time, or a breach that did not occur, settles the outcome.
    /// </summary>
    public bool Provisional { get; } = node.WeighsUnknownTimeOfLaw && Ops.IsTrue(match) && inForce.IsUnknown && Ops.IsTrue(applies)
        && node.Period!.AsWritten(eventTime, assumeInForce);
}

/// <summary>
/// What a node asserts for some facts: for a provision, a breach (or, for an obligation, that the
/// duty arose); for an exception, that it holds against its parent claim. A tentative claim is one
/// whose test came out unknown: its own exceptions are still weighed (an exception to it that holds
/// settles it), but it never stands.
/// </summary>
internal sealed class Claim(RuleNode node, Claim? parent, Verdict? verdict, Fact[] bindings, ImmutableArray<UnknownCause> missing) : Conclusion
{
    public ImmutableArray<UnknownCause> Missing { get; } = missing;

    public bool IsTentative => !Missing.IsEmpty;

    public RuleNode Node { get; } = node;

    /// <summary>The node, as the writers name it.</summary>
    public NodeReference Reference => Node.Reference;

    /// <summary>For an exception's claim, the exception; null for a provision's.</summary>
    public ExceptionReference? Exception => Reference as ExceptionReference;

    public Claim? Parent { get; } = parent;

    /// <summary>For a provision's claim, the verdict it rests on; null for an exception's.</summary>
    public Verdict? Verdict { get; } = verdict;

    public Fact[] Bindings { get; } = bindings;
}

/// <summary>Two provisions of equal rank, with no precedence between them, that conclude differently on the same facts.</summary>
internal sealed class ConflictConclusion(ProvisionReference provision, ProvisionReference permission, Claim claim, Verdict permit) : Conclusion
{
    public ProvisionReference Provision { get; } = provision;

    public ProvisionReference Permission { get; } = permission;

    public Claim Claim { get; } = claim;

    /// <summary>The permission's engaged verdict: the conduct it allows is allowed for these facts.</summary>
    public Verdict Permit { get; } = permit;
}

/// <summary>A test about an owner (a subject's verdict or a claim) came out unknown.</summary>
internal sealed class Doubt(object owner, ImmutableArray<UnknownCause> missing) : Conclusion
{
    public object Owner { get; } = owner;

    /// <summary>The node of the owner (a subject's provision, or a claim's node), so rules filter doubts without a join.</summary>
    public RuleNode OwnerNode { get; } = owner switch
    {
        Claim claim => claim.Node,
        Verdict subject => subject.Node,
        _ => throw new ArgumentException("A doubt is owned by a claim or a subject.", nameof(owner)),
    };

    public ImmutableArray<UnknownCause> Missing { get; } = missing;
}

/// <summary>An exception to an obligation that held and has lapsed: the duty revives, due afresh from the lapse.</summary>
internal sealed class Lapsed(Claim exception, DateTimeOffset at, DateTimeOffset due) : Conclusion
{
    public Claim Exception { get; } = exception;

    /// <summary>The claim of the obligation whose duty revives.</summary>
    public Claim Claim => Exception.Parent!;

    public DateTimeOffset At { get; } = at;

    public DateTimeOffset Due { get; } = due;
}

/// <summary>A claim that no exception defeats and no unknown puts in question.</summary>
internal sealed class Standing(Claim claim) : Conclusion
{
    public Claim Claim { get; } = claim;
}

/// <summary>A claim that no exception defeats for certain, but that an unknown puts in question.</summary>
internal sealed class Unsettled(Claim claim, ImmutableArray<UnknownCause> missing) : Conclusion
{
    public Claim Claim { get; } = claim;

    public ImmutableArray<UnknownCause> Missing { get; } = missing;
}

/// <summary>An obligation's duty discharged by a fact in time.</summary>
internal sealed class Discharge(Claim claim, Fact[] bindings, DateTimeOffset at) : Conclusion
{
    public Claim Claim { get; } = claim;

    public Fact[] Bindings { get; } = bindings;

    public DateTimeOffset At { get; } = at;
}

/// <summary>
/// The outcome for one provision and one set of facts, as the rules decided it. It is self-describing: its provision
/// is a <see cref="ProvisionReference"/>, so the code that words it reads the outcome and references only.
/// </summary>
internal sealed class Outcome : Conclusion
{
    public required ProvisionReference Provision { get; init; }

    /// <summary>The finding's status, as the basis decides it.</summary>
    public FindingStatus Status => Basis.Status();

    public required Fact[] Bindings { get; init; }

    /// <summary>The verdict the outcome rests on (directly, or through its claim); null when no subject matched.</summary>
    public Verdict? Verdict { get; init; }

    public ImmutableArray<Claim> Exceptions { get; init; } = [];

    public ImmutableArray<UnknownCause> Missing { get; init; } = [];

    public DateTimeOffset? DueAt { get; init; }

    public DateTimeOffset? DischargedAt { get; init; }

    public Fact[] DischargedBy { get; init; } = [];

    /// <summary>A sentence the rule that decided adds, such as why the provision was not in force.</summary>
    public string? Note { get; init; }

    /// <summary>Whether the claim the outcome is about was tentative: its breach (or exception) was unknown.</summary>
    public bool Tentative { get; init; }

    /// <summary>Which rule decided, and so the status; the reason writer words it.</summary>
    public required Basis Basis { get; init; }
}

/// <summary>Whether an obligation's duty was discharged in time is unknown.</summary>
internal sealed class DutyDoubt(Claim claim, ImmutableArray<UnknownCause> missing) : Conclusion
{
    public Claim Claim { get; } = claim;

    public ImmutableArray<UnknownCause> Missing { get; } = missing;
}
