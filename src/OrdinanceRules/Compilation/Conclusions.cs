using System.Collections.Immutable;
using OrdinanceRules.Evaluation;
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

/// <summary>Some combination of facts matches a provision's bindings (whether or not it applies).</summary>
internal sealed class Candidate(ProvisionNode node) : Conclusion
{
    public ProvisionNode Node { get; } = node;
}

/// <summary>A provision engaged by a combination of facts (its applies-when held).</summary>
internal sealed class Subject(ProvisionNode node, Fact[] bindings) : Conclusion
{
    public ProvisionNode Node { get; } = node;

    public Fact[] Bindings { get; } = bindings;
}

/// <summary>
/// What a node asserts for some facts: for a provision, a breach (or, for an obligation, that the
/// duty arose); for an exception, that it holds against its parent claim. A tentative claim is one
/// whose test came out unknown: its own exceptions are still weighed (an exception to it that holds
/// settles it), but it never stands.
/// </summary>
internal sealed class Claim(RuleNode node, Claim? parent, Subject? subject, Fact[] bindings, ImmutableArray<string> missing) : Conclusion
{
    public ImmutableArray<string> Missing { get; } = missing;

    public bool IsTentative => !Missing.IsEmpty;

    public RuleNode Node { get; } = node;

    public Claim? Parent { get; } = parent;

    public Subject? Subject { get; } = subject;

    public Fact[] Bindings { get; } = bindings;
}

/// <summary>A permission engaged by a combination of facts: the conduct it allows is allowed for these facts.</summary>
internal sealed class Permit(ProvisionNode node, Fact[] bindings) : Conclusion
{
    public ProvisionNode Node { get; } = node;

    public Fact[] Bindings { get; } = bindings;
}

/// <summary>Two provisions of equal rank, with no precedence between them, that conclude differently on the same facts.</summary>
internal sealed class ConflictConclusion(ProvisionNode provision, ProvisionNode permission, Claim claim, Permit permit) : Conclusion
{
    public ProvisionNode Provision { get; } = provision;

    public ProvisionNode Permission { get; } = permission;

    public Claim Claim { get; } = claim;

    public Permit Permit { get; } = permit;
}

/// <summary>A test about an owner (a subject or a claim) came out unknown.</summary>
internal sealed class Doubt(object owner, ImmutableArray<string> missing) : Conclusion
{
    public object Owner { get; } = owner;

    /// <summary>The node of the owner (a subject's provision, or a claim's node), so rules filter doubts without a join.</summary>
    public RuleNode OwnerNode { get; } = owner switch
    {
        Claim claim => claim.Node,
        Subject subject => subject.Node,
        _ => throw new ArgumentException("A doubt is owned by a claim or a subject.", nameof(owner)),
    };

    public ImmutableArray<string> Missing { get; } = missing;
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
internal sealed class Unsettled(Claim claim, ImmutableArray<string> missing) : Conclusion
{
    public Claim Claim { get; } = claim;

    public ImmutableArray<string> Missing { get; } = missing;
}

/// <summary>An obligation's duty discharged by a fact in time.</summary>
internal sealed class Discharge(Claim claim, Fact[] bindings, DateTimeOffset at) : Conclusion
{
    public Claim Claim { get; } = claim;

    public Fact[] Bindings { get; } = bindings;

    public DateTimeOffset At { get; } = at;
}

/// <summary>The outcome for one provision and one set of facts, as the rules decided it.</summary>
internal sealed class Outcome : Conclusion
{
    public required ProvisionNode Provision { get; init; }

    public required FindingStatus Status { get; init; }

    public required Fact[] Bindings { get; init; }

    public ImmutableArray<Claim> Exceptions { get; init; } = [];

    public ImmutableArray<string> Missing { get; init; } = [];

    public DateTimeOffset? DueAt { get; init; }

    public DateTimeOffset? DischargedAt { get; init; }

    public Fact[] DischargedBy { get; init; } = [];

    /// <summary>A sentence the rule that decided adds, such as why the provision was not in force.</summary>
    public string? Note { get; init; }

    /// <summary>Whether the claim the outcome is about was tentative: its breach (or exception) was unknown.</summary>
    public bool Tentative { get; init; }

    /// <summary>Which rule decided: a short tag the reason writer words, such as <c>no-match</c> or <c>scope</c>.</summary>
    public required string Basis { get; init; }
}

/// <summary>Whether an obligation's duty was discharged in time is unknown.</summary>
internal sealed class DutyDoubt(Claim claim, ImmutableArray<string> missing) : Conclusion
{
    public Claim Claim { get; } = claim;

    public ImmutableArray<string> Missing { get; } = missing;
}
