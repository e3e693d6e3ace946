
namespace OrdinanceRules.Benchmarks.HandWritten;

/// <summary>
/// P2 (§ 3, no police support to ICE) and P3 (§ 4, public alert within 48 hours) of the Roeland Park ordinance,
/// two-valued and at the default readings, as the hand-written implementations share them: the tests of each
/// condition, and a plain C# loop that applies them.
/// </summary>
public static class P2P3
{
    /// <summary>The day the Act was adopted, at midnight in America/Chicago.</summary>
    public static readonly DateTimeOffset Adopted = new(2020, 12, 21, 0, 0, 0, TimeSpan.FromHours(-6));

    /// <summary>The day amendment A2022 (text unknown) took effect for P2 and P3.</summary>
    public static readonly DateTimeOffset Amended = new(2022, 7, 1, 0, 0, 0, TimeSpan.FromHours(-5));

    /// <summary>The 48 hours of the alert duty.</summary>
    public static readonly TimeSpan AlertWithin = TimeSpan.FromHours(48);

    private static readonly string[] Ice = ["ice", "ice-ero", "ice-hsi"];
    private static readonly string[] FieldKinds = ["arrest", "search", "raid", "worksite", "surveillance", "staging"];

    /// <summary>The status of an event's time: null when in force, otherwise the finding's status.</summary>
    /// <param name="at">The event's time.</param>
    /// <returns>NotApplicable before adoption, Undetermined without a time or under the amendment, null in force.</returns>
    public static FindingStatus? OutOfForce(DateTimeOffset? at) =>
        at is not { } t ? FindingStatus.Undetermined : t < Adopted ? FindingStatus.NotApplicable : t >= Amended ? FindingStatus.Undetermined : null;

    /// <summary>Whether t lies within [start, end] (an open end lasts).</summary>
    /// <param name="t">The instant.</param>
    /// <param name="start">The start.</param>
    /// <param name="end">The end, or null.</param>
    /// <returns>Whether it lies within.</returns>
    public static bool Within(DateTimeOffset? t, DateTimeOffset? start, DateTimeOffset? end) =>
        t is { } at && start is { } s && s <= at && (end is not { } e || at <= e);

    /// <summary>Whether a component is ICE (any component).</summary>
    /// <param name="component">The component.</param>
    /// <returns>Whether it is.</returns>
    public static bool IsIce(string? component) => component is not null && Ice.Contains(component);

    /// <summary>P2's applies-when.</summary>
    /// <param name="a">The act.</param>
    /// <returns>Whether P2 applies.</returns>
    public static bool P2Applies(LocalAction a) =>
        a.Agency?.Id == "RPPD"
        && (IsIce(a.InResponseTo?.From?.Component) || IsIce(a.Beneficiary?.Component) || IsIce(a.Operation?.Agency?.Component))
        && !a.Purposes.Any(p => p is "criminal-other" or "call-for-service")
        && !(a.Kind == "share-information" && a.SharesStatusInformation && !a.SharesOtherInformation);

    /// <summary>P2's violated-when.</summary>
    /// <param name="a">The act.</param>
    /// <returns>Whether the act helped ICE.</returns>
    public static bool P2Breach(LocalAction a) => IsIce(a.Beneficiary?.Component);

    /// <summary>E2a, a specific threat at the act's scene.</summary>
    /// <param name="a">The act.</param>
    /// <param name="t">The threat.</param>
    /// <returns>Whether it excepts the act.</returns>
    public static bool E2a(LocalAction a, Threat t) =>
        t.Specificity == "specific" && t.ArticulableFacts && Within(a.Start, t.StartedAt, t.EndedAt)
        && (ReferenceEquals(t.Action, a) || (t.Operation is not null && ReferenceEquals(t.Operation, a.Operation)));

    /// <summary>E2b, a crime in progress.</summary>
    /// <param name="a">The act.</param>
    /// <param name="c">The crime.</param>
    /// <returns>Whether it excepts the act.</returns>
    public static bool E2b(LocalAction a, Crime c) =>
        c.IsCriminal && !c.StatusOffense && Within(a.Start, c.StartedAt, c.EndedAt)
        && (ReferenceEquals(c.Action, a) || (c.ConnectedTo is not null && ReferenceEquals(c.ConnectedTo, a.Operation)));

    /// <summary>P3's applies-when.</summary>
    /// <param name="o">The operation.</param>
    /// <param name="k">RPPD's receipt of information about it.</param>
    /// <returns>Whether the duty arises.</returns>
    public static bool P3Applies(Operation o, Awareness k) =>
        k.Agency?.Id == "RPPD" && o.Agency is { EnforcesImmigration: true } && o.InsideCityLimits
        && o.Kind is not null && FieldKinds.Contains(o.Kind)
        && !(o.ActualEnd is { } end && k.ReceivedAt is { } at && end <= at);

    /// <summary>E3, a connected crime in progress at receipt.</summary>
    /// <param name="o">The operation.</param>
    /// <param name="k">The receipt.</param>
    /// <param name="c">The crime.</param>
    /// <returns>Whether it excepts the duty.</returns>
    public static bool E3(Operation o, Awareness k, Crime c) =>
        c.IsCriminal && !c.StatusOffense && ReferenceEquals(c.ConnectedTo, o) && Within(k.ReceivedAt, c.StartedAt, c.EndedAt);

    /// <summary>Whether E3 has lapsed by as-of: the crime ended before the activity began, and as-of is past its end.</summary>
    /// <param name="o">The operation.</param>
    /// <param name="c">The crime.</param>
    /// <param name="asOf">The instant judged at.</param>
    /// <returns>Whether it lapsed.</returns>
    public static bool E3Lapsed(Operation o, Crime c, DateTimeOffset asOf) =>
        c.EndedAt is { } end && end <= asOf && o.PlannedStart is { } planned && end < planned && (o.ActualStart is not { } actual || end < actual);

    /// <summary>Whether a notice discharges the duty by the due instant and by as-of.</summary>
    /// <param name="o">The operation.</param>
    /// <param name="n">The notice.</param>
    /// <param name="due">The due instant.</param>
    /// <param name="asOf">The instant judged at.</param>
    /// <returns>Whether it discharges.</returns>
    public static bool Discharges(Operation o, Notice n, DateTimeOffset due, DateTimeOffset asOf) =>
        ReferenceEquals(n.Operation, o) && n.Issuer?.Id == "RPPD" && n.Audience == "public" && n.IssuedAt is { } at && at <= due && at <= asOf;

    /// <summary>P3's status for one duty once its exceptions are weighed.</summary>
    /// <param name="excepted">Whether an exception stands.</param>
    /// <param name="discharged">Whether a notice discharged it in time.</param>
    /// <param name="due">The due instant.</param>
    /// <param name="asOf">The instant judged at.</param>
    /// <returns>The status.</returns>
    public static FindingStatus DutyStatus(bool excepted, bool discharged, DateTimeOffset due, DateTimeOffset asOf) =>
        excepted ? FindingStatus.ExceptionApplies : discharged ? FindingStatus.Complied : asOf > due ? FindingStatus.Violated : FindingStatus.Pending;

    /// <summary>The P2 and P3 findings of a scenario, by a plain loop with an index per reference.</summary>
    /// <param name="s">The scenario.</param>
    /// <returns>The findings.</returns>
    public static List<HandFinding> Loop(HandScenario s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var findings = new List<HandFinding>();
        var (threatsByAction, threatsByOperation, crimesByAction, crimesByOperation, noticesByOperation) = References.Of(s);
        if (s.Actions.Count == 0)
        {
            findings.Add(new HandFinding("P2", string.Empty, FindingStatus.NotApplicable));
        }

        foreach (var a in s.Actions)
        {
            FindingStatus status;
            if (OutOfForce(a.Start) is { } outOfForce)
            {
                status = outOfForce;
            }
            else if (!P2Applies(a))
            {
                status = FindingStatus.NotApplicable;
            }
            else if (!P2Breach(a))
            {
                status = FindingStatus.Complied;
            }
            else
            {
                var threats = threatsByAction[a].Concat(a.Operation is null ? [] : threatsByOperation[a.Operation]);
                var crimes = crimesByAction[a].Concat(a.Operation is null ? [] : crimesByOperation[a.Operation]);
                status = threats.Any(t => E2a(a, t)) || crimes.Any(c => E2b(a, c)) || a.LegallyCompelled ? FindingStatus.ExceptionApplies : FindingStatus.Violated;
            }

            findings.Add(new HandFinding("P2", a.Id, status));
        }

        var pairs = s.Awarenesses.Where(k => k.Operation is not null).ToList();
        if (pairs.Count == 0)
        {
            findings.Add(new HandFinding("P3", string.Empty, FindingStatus.NotApplicable));
        }

        foreach (var k in pairs)
        {
            var o = k.Operation!;
            FindingStatus status;
            if (OutOfForce(k.ReceivedAt) is { } outOfForce)
            {
                status = outOfForce;
            }
            else if (!P3Applies(o, k))
            {
                status = FindingStatus.NotApplicable;
            }
            else
            {
                var due = k.ReceivedAt!.Value + AlertWithin;
                var excepted = false;
                foreach (var c in crimesByOperation[o].Where(c => E3(o, k, c)))
                {
                    if (E3Lapsed(o, c, s.AsOf))
                    {
                        due = Max(due, c.EndedAt!.Value + AlertWithin);
                    }
                    else
                    {
                        excepted = true;
                    }
                }

                var discharged = noticesByOperation[o].Any(n => Discharges(o, n, due, s.AsOf));
                status = DutyStatus(excepted, discharged, due, s.AsOf);
            }

            findings.Add(new HandFinding("P3", $"{o.Id}, {k.Id}", status));
        }

        return findings;
    }

    /// <summary>The facts that refer to each act or operation, looked up once per evaluation.</summary>
    /// <param name="ThreatsByAction">Threats by the act they bear on.</param>
    /// <param name="ThreatsByOperation">Threats by the operation at whose scene they arose.</param>
    /// <param name="CrimesByAction">Crimes by the act they are connected to.</param>
    /// <param name="CrimesByOperation">Crimes by the operation they are connected to.</param>
    /// <param name="NoticesByOperation">Notices by the operation they are about.</param>
    public sealed record References(ILookup<LocalAction, Threat> ThreatsByAction, ILookup<Operation, Threat> ThreatsByOperation,
        ILookup<LocalAction, Crime> CrimesByAction, ILookup<Operation, Crime> CrimesByOperation, ILookup<Operation, Notice> NoticesByOperation)
    {
        /// <summary>Indexes a scenario's references.</summary>
        /// <param name="s">The scenario.</param>
        /// <returns>The index.</returns>
        public static References Of(HandScenario s) => new(
            s.Threats.Where(t => t.Action is not null).ToLookup(t => t.Action!),
            s.Threats.Where(t => t.Operation is not null).ToLookup(t => t.Operation!),
            s.Crimes.Where(c => c.Action is not null).ToLookup(c => c.Action!),
            s.Crimes.Where(c => c.ConnectedTo is not null).ToLookup(c => c.ConnectedTo!),
            s.Notices.Where(n => n.Operation is not null).ToLookup(n => n.Operation!));
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
