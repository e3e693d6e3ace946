using System.Collections.Immutable;
using OrdinanceRules.Facts;

namespace OrdinanceRules.Benchmarks.HandWritten;

// Plain two-valued C# types for P2 and P3 of the Roeland Park ordinance, as a developer who wrote the rules by
// hand would model them: references are object references, and an unknown value reads as absent.

/// <summary>An agency.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Component">Its component, such as ice-ero.</param>
/// <param name="EnforcesImmigration">Whether it enforces immigration law.</param>
/// <param name="IsCityDepartment">Whether it is a department of the city.</param>
public sealed record Agency(string Id, string? Component, bool EnforcesImmigration, bool IsCityDepartment)
{
    /// <summary>Facts are compared by identity, as NRules needs.</summary>
    /// <param name="other">The other fact.</param>
    /// <returns>Whether it is this one.</returns>
    public bool Equals(Agency? other) => ReferenceEquals(this, other);

    /// <inheritdoc/>
    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}

/// <summary>A request from one agency to another.</summary>
/// <param name="Id">Its id.</param>
/// <param name="From">The requesting agency.</param>
public sealed record Request(string Id, Agency? From)
{
    /// <summary>Facts are compared by identity, as NRules needs.</summary>
    /// <param name="other">The other fact.</param>
    /// <returns>Whether it is this one.</returns>
    public bool Equals(Request? other) => ReferenceEquals(this, other);

    /// <inheritdoc/>
    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}

/// <summary>A federal operation.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Agency">The agency conducting it.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="InsideCityLimits">Whether it takes place inside the city.</param>
/// <param name="PlannedStart">When it was planned to begin.</param>
/// <param name="ActualStart">When it began.</param>
/// <param name="ActualEnd">When it ended.</param>
public sealed record Operation(string Id, Agency? Agency, string? Kind, bool InsideCityLimits, DateTimeOffset? PlannedStart, DateTimeOffset? ActualStart, DateTimeOffset? ActualEnd)
{
    /// <summary>Facts are compared by identity, as NRules needs.</summary>
    /// <param name="other">The other fact.</param>
    /// <returns>Whether it is this one.</returns>
    public bool Equals(Operation? other) => ReferenceEquals(this, other);

    /// <inheritdoc/>
    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}

/// <summary>An act of a local agency.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Agency">The agency it acted for.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Start">When it began.</param>
/// <param name="InResponseTo">The request it answered.</param>
/// <param name="Operation">The operation it was part of.</param>
/// <param name="Beneficiary">The agency it helped.</param>
/// <param name="Purposes">Its purposes.</param>
/// <param name="SharesStatusInformation">Whether it shared status information.</param>
/// <param name="SharesOtherInformation">Whether it shared other information.</param>
/// <param name="LegallyCompelled">Whether a document legally compelled it.</param>
public sealed record LocalAction(string Id, Agency? Agency, string? Kind, DateTimeOffset? Start, Request? InResponseTo, Operation? Operation, Agency? Beneficiary,
    ImmutableArray<string> Purposes, bool SharesStatusInformation, bool SharesOtherInformation, bool LegallyCompelled)
{
    /// <summary>Facts are compared by identity, as NRules needs.</summary>
    /// <param name="other">The other fact.</param>
    /// <returns>Whether it is this one.</returns>
    public bool Equals(LocalAction? other) => ReferenceEquals(this, other);

    /// <inheritdoc/>
    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}

/// <summary>A threat to public safety.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Specificity">specific or general.</param>
/// <param name="ArticulableFacts">Whether it rests on articulable facts.</param>
/// <param name="StartedAt">When it arose.</param>
/// <param name="EndedAt">When it ended.</param>
/// <param name="Action">The act it bears on.</param>
/// <param name="Operation">The operation at whose scene it arose.</param>
public sealed record Threat(string Id, string? Specificity, bool ArticulableFacts, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, LocalAction? Action, Operation? Operation)
{
    /// <summary>Facts are compared by identity, as NRules needs.</summary>
    /// <param name="other">The other fact.</param>
    /// <returns>Whether it is this one.</returns>
    public bool Equals(Threat? other) => ReferenceEquals(this, other);

    /// <inheritdoc/>
    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}

/// <summary>A crime.</summary>
/// <param name="Id">Its id.</param>
/// <param name="IsCriminal">Whether it is a crime.</param>
/// <param name="StatusOffense">Whether it is a status offense.</param>
/// <param name="StartedAt">When it began.</param>
/// <param name="EndedAt">When it ended.</param>
/// <param name="Action">The act it is connected to.</param>
/// <param name="ConnectedTo">The operation it is connected to.</param>
public sealed record Crime(string Id, bool IsCriminal, bool StatusOffense, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, LocalAction? Action, Operation? ConnectedTo)
{
    /// <summary>Facts are compared by identity, as NRules needs.</summary>
    /// <param name="other">The other fact.</param>
    /// <returns>Whether it is this one.</returns>
    public bool Equals(Crime? other) => ReferenceEquals(this, other);

    /// <inheritdoc/>
    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}

/// <summary>An agency's receipt of information about an operation.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Agency">The receiving agency.</param>
/// <param name="Operation">The operation.</param>
/// <param name="ReceivedAt">When it was received.</param>
public sealed record Awareness(string Id, Agency? Agency, Operation? Operation, DateTimeOffset? ReceivedAt)
{
    /// <summary>Facts are compared by identity, as NRules needs.</summary>
    /// <param name="other">The other fact.</param>
    /// <returns>Whether it is this one.</returns>
    public bool Equals(Awareness? other) => ReferenceEquals(this, other);

    /// <inheritdoc/>
    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}

/// <summary>A notice.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Issuer">The issuing agency.</param>
/// <param name="Operation">The operation it is about.</param>
/// <param name="Audience">Its audience.</param>
/// <param name="IssuedAt">When it was issued.</param>
public sealed record Notice(string Id, Agency? Issuer, Operation? Operation, string? Audience, DateTimeOffset? IssuedAt)
{
    /// <summary>Facts are compared by identity, as NRules needs.</summary>
    /// <param name="other">The other fact.</param>
    /// <returns>Whether it is this one.</returns>
    public bool Equals(Notice? other) => ReferenceEquals(this, other);

    /// <inheritdoc/>
    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}

/// <summary>One finding of a hand-written implementation: provision, the ids of the facts it is about, status.</summary>
/// <param name="Provision">P2 or P3.</param>
/// <param name="Facts">The facts' ids, comma-separated, in the provision's variable order.</param>
/// <param name="Status">The status.</param>
public sealed record HandFinding(string Provision, string Facts, FindingStatus Status);

/// <summary>A scenario's facts as the hand-written implementations see them, with the as-of instant.</summary>
public sealed class HandScenario
{
    /// <summary>The scenario's name.</summary>
    public required string Name { get; init; }

    /// <summary>The instant to judge at.</summary>
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>The actions.</summary>
    public List<LocalAction> Actions { get; } = [];

    /// <summary>The threats.</summary>
    public List<Threat> Threats { get; } = [];

    /// <summary>The crimes.</summary>
    public List<Crime> Crimes { get; } = [];

    /// <summary>The operations.</summary>
    public List<Operation> Operations { get; } = [];

    /// <summary>The awarenesses.</summary>
    public List<Awareness> Awarenesses { get; } = [];

    /// <summary>The notices.</summary>
    public List<Notice> Notices { get; } = [];

    /// <summary>Every fact, for inserting into an NRules session.</summary>
    public IEnumerable<object> All => Actions.Cast<object>().Concat(Threats).Concat(Crimes).Concat(Operations).Concat(Awarenesses).Concat(Notices);

    /// <summary>Maps a scenario built with the library into the hand-written types.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="asOf">The instant to judge at.</param>
    /// <returns>The hand-written scenario.</returns>
    public static HandScenario From(Scenario scenario, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var map = new Dictionary<Fact, object>(ReferenceEqualityComparer.Instance);
        var result = new HandScenario { Name = scenario.Name, AsOf = asOf };

        object? Get(Fact f, string field) => f.Type.IndexOf(field) < 0 ? null : f[field] is { State: ValueState.Known } v ? v.Value : null;
        string? Text(Fact f, string field) => Get(f, field) as string;
        bool YesNo(Fact f, string field) => Get(f, field) is true;
        DateTimeOffset? Time(Fact f, string field) => Get(f, field) as DateTimeOffset?;
        T? Ref<T>(Fact f, string field)
            where T : class => Get(f, field) is Fact target ? (T)Of(target) : null;

        object Of(Fact f)
        {
            if (map.TryGetValue(f, out var done))
            {
                return done;
            }

            object mapped = f.Type.Name switch
            {
                "agency" => new Agency(f.Id, Text(f, "component"), YesNo(f, "enforcesImmigration"), YesNo(f, "isCityDepartment")),
                "request" => new Request(f.Id, Ref<Agency>(f, "from")),
                "operation" => new Operation(f.Id, Ref<Agency>(f, "agency"), Text(f, "kind"), YesNo(f, "insideCityLimits"), Time(f, "plannedStart"), Time(f, "actualStart"), Time(f, "actualEnd")),
                "action" => new LocalAction(f.Id, Ref<Agency>(f, "agency"), Text(f, "kind"), Time(f, "start"), Ref<Request>(f, "inResponseTo"), Ref<Operation>(f, "operation"), Ref<Agency>(f, "beneficiary"),
                    Get(f, "purposes") is ImmutableArray<string> p ? p : [], YesNo(f, "sharesStatusInformation"), YesNo(f, "sharesOtherInformation"),
                    Get(f, "compelledBy") is Fact d && YesNo(d, "legallyCompels")),
                "threat" => new Threat(f.Id, Text(f, "specificity"), YesNo(f, "articulableFacts"), Time(f, "startedAt"), Time(f, "endedAt"), Ref<LocalAction>(f, "action"), Ref<Operation>(f, "operation")),
                "crime" => new Crime(f.Id, YesNo(f, "isCriminal"), YesNo(f, "statusOffense"), Time(f, "startedAt"), Time(f, "endedAt"), Ref<LocalAction>(f, "action"), Ref<Operation>(f, "connectedTo")),
                "awareness" => new Awareness(f.Id, Ref<Agency>(f, "agency"), Ref<Operation>(f, "operation"), Time(f, "receivedAt")),
                "notice" => new Notice(f.Id, Ref<Agency>(f, "issuer"), Ref<Operation>(f, "operation"), Text(f, "audience"), Time(f, "issuedAt")),
                _ => f,
            };
            map[f] = mapped;
            return mapped;
        }

        foreach (var fact in scenario.Facts)
        {
            switch (Of(fact))
            {
                case LocalAction a: result.Actions.Add(a); break;
                case Threat t: result.Threats.Add(t); break;
                case Crime c: result.Crimes.Add(c); break;
                case Operation o: result.Operations.Add(o); break;
                case Awareness k: result.Awarenesses.Add(k); break;
                case Notice n: result.Notices.Add(n); break;
            }
        }

        return result;
    }
}
