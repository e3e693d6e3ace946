using System.Collections.Immutable;
using NRules.RuleModel;
using OrdinanceRules.Conditions;
using OrdinanceRules.Facts;

namespace OrdinanceRules.Compilation;

/// <summary>
/// The right-hand sides of the compiled rules. Each inserts one linked conclusion; when the rule's match
/// goes away, NRules retracts it, and when an aggregate it collected changes, it is replaced.
/// </summary>
internal static class RuleActions
{
    private const string Key = "conclusion";

    /// <summary>The keys of a firing's first linked conclusions: the first is <see cref="Key"/>, as for one conclusion.</summary>
    private static readonly string[] Keys = [Key, .. Enumerable.Range(1, 15).Select(i => Key + i.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    public static Fact[] Concat(Fact[] first, Fact[] second) => [.. first, .. second];

    public static bool Shares(Fact[] first, Fact[] second) => first.Any(f => second.Contains(f));

    public static void Conflict(IContext ctx, ProvisionNode provision, ProvisionNode permission, Claim claim, Verdict permit) =>
        Link(ctx, new ConflictConclusion(provision, permission, claim, permit));

    /// <summary>The provision's verdict on its subject: each stage's value, evaluated by the rule's bindings.</summary>
    public static void Verdict(IContext ctx, ProvisionNode node, Fact[] bindings, Val match, Val eventTime, Val assumeInForce, Val inForce, Val applies, Val violated) =>
        Link(ctx, new Verdict(node, bindings, match, eventTime, assumeInForce, inForce, applies, violated));

    /// <summary>A verdict whose conditions test other provisions' findings: the same verdict, with the findings it rests on.</summary>
    public static void DerivedVerdict(IContext ctx, ProvisionNode node, Fact[] bindings, Val match, Val eventTime, Val assumeInForce, Val inForce, Val applies, Val violated, IEnumerable<Outcome>[] restsOn) =>
        Link(ctx, new Verdict(node, bindings, match, eventTime, assumeInForce, inForce, applies, violated) { RestsOn = FindingTests.RestsOn(restsOn) });

    public static void Claim(IContext ctx, RuleNode node, Claim? parent, Verdict? verdict, Fact[] bindings) =>
        Link(ctx, new Claim(node, parent, verdict, bindings, []));

    /// <summary>One claim per combination that holds, each binding the facts before it and the combination's own.</summary>
    public static void ClaimEach(IContext ctx, RuleNode node, Claim? parent, Verdict? verdict, Fact[] bound, Candidates tried) =>
        LinkEach(ctx, tried.Passed.Select(t => new Claim(node, parent, verdict, [.. bound, .. t.Own], [])));

    /// <summary>One tentative claim per combination whose test came out unknown, naming what it depends on.</summary>
    public static void TentativeClaimEach(IContext ctx, RuleNode node, Claim? parent, Verdict? verdict, Fact[] bound, Candidates tried) =>
        LinkEach(ctx, tried.Passed.Select(t => new Claim(node, parent, verdict, [.. bound, .. t.Own], t.Value.Missing)));

    /// <summary>One discharge per fulfilling combination, at its time.</summary>
    public static void DischargeEach(IContext ctx, Claim claim, Candidates tried) =>
        LinkEach(ctx, tried.Passed.Select(t => new Discharge(claim, t.Own, (DateTimeOffset)t.At.Value!)));

    /// <summary>One doubt on the duty per combination that may fulfil it.</summary>
    public static void DutyDoubtEach(IContext ctx, Claim claim, Candidates tried) =>
        LinkEach(ctx, tried.Passed.Select(t => new DutyDoubt(claim, t.Value.Missing)));

    public static void TentativeClaim(IContext ctx, RuleNode node, Claim? parent, Verdict? verdict, Fact[] bindings, Val value) =>
        Link(ctx, new Claim(node, parent, verdict, bindings, value.Missing));

    public static void DoubtExistence(IContext ctx, object owner, string type) =>
        Link(ctx, new Doubt(owner, [ExistenceUnknown(type)]));

    public static void Lapse(IContext ctx, Claim exception, Val at, TimeSpan within)
    {
        var instant = (DateTimeOffset)at.Value!;
        Link(ctx, new Lapsed(exception, instant, instant + within));
    }

    public static void UnsettleLapse(IContext ctx, Claim claim, Val lapsed) => Link(ctx, new Unsettled(claim, lapsed.Missing));

    /// <summary>The due instant: the latest fresh deadline after a lapse, if any exception lapsed; otherwise the deadline's own.</summary>
    public static Val DueAfterLapses(Val due, IEnumerable<Lapsed> lapses)
    {
        var latest = lapses.OrderByDescending(l => l.Due).FirstOrDefault();
        return latest is null ? due : Val.Known(latest.Due);
    }

    public static string? LapseNote(IEnumerable<Lapsed> lapses)
    {
        var latest = lapses.OrderByDescending(l => l.Due).FirstOrDefault();
        return latest is null ? null : $"Exception {latest.Exception.Node.Id} lapsed at {latest.At:yyyy-MM-dd HH:mm zzz}, so the deadline ran afresh from then.";
    }

    public static void Stand(IContext ctx, Claim claim) => Link(ctx, new Standing(claim));

    public static void Unsettle(IContext ctx, Claim claim, IEnumerable<Doubt> doubts, IEnumerable<Unsettled> children) =>
        Link(ctx, new Unsettled(claim, Union(doubts.Select(d => d.Missing).Concat(children.Select(c => c.Missing)).Append(claim.Missing))));

    public static bool IsUnsettled(Claim claim, IEnumerable<Doubt> doubts, IEnumerable<Unsettled> children) =>
        claim.IsTentative || doubts.Any() || children.Any();

    public static void Discharge(IContext ctx, Claim claim, Fact[] bindings, Val at) =>
        Link(ctx, new Discharge(claim, bindings, (DateTimeOffset)at.Value!));

    public static void DutyDoubt(IContext ctx, Claim claim, Val value) => Link(ctx, new DutyDoubt(claim, value.Missing));

    public static void DutyDoubtExistence(IContext ctx, Claim claim, string type) =>
        Link(ctx, new DutyDoubt(claim, [ExistenceUnknown(type)]));

    public static void Conclude(IContext ctx, ProvisionNode node, Basis basis, Verdict? verdict) =>
        Link(ctx, new Outcome { Provision = node, Basis = basis, Bindings = verdict?.Bindings ?? [], Verdict = verdict });

    public static void ConcludeUnknown(IContext ctx, ProvisionNode node, Basis basis, Verdict verdict, Val value) =>
        Link(ctx, new Outcome { Provision = node, Basis = basis, Bindings = verdict.Bindings, Verdict = verdict, Missing = value.Missing });

    public static void ConcludeNotInForce(IContext ctx, ProvisionNode node, Verdict verdict) =>
        Link(ctx, new Outcome { Provision = node, Basis = Basis.NotInForce, Bindings = verdict.Bindings, Verdict = verdict, Note = node.Period!.Describe(verdict.EventTime, verdict.AssumeInForce) });

    public static void ConcludeUnknownExistence(IContext ctx, ProvisionNode node, string type) =>
        Link(ctx, new Outcome { Provision = node, Basis = Basis.Existence, Bindings = [], Missing = [ExistenceUnknown(type)] });

    public static void ConcludeDoubts(IContext ctx, ProvisionNode node, Basis basis, Verdict subject, IEnumerable<Doubt> doubts) =>
        Link(ctx, new Outcome { Provision = node, Basis = basis, Bindings = subject.Bindings, Verdict = subject, Missing = Union(doubts.Select(d => d.Missing)) });

    /// <summary>
    /// A breach tested on the subject alone came out unknown, and no exception can bear on it: the outcome the
    /// tentative claim's <c>unsettled</c> rules would reach, concluded from the verdict without a claim.
    /// </summary>
    public static void ConcludeBreachUnknown(IContext ctx, ProvisionNode node, Verdict verdict)
    {
        var missing = Union([verdict.Violated.Missing]);
        Link(ctx, new Outcome
        {
            Provision = node,
            Basis = verdict.Violated.Missing.SequenceEqual(missing) ? Basis.BreachUnknown : Basis.ExceptionUnknown,
            Bindings = verdict.Bindings,
            Verdict = verdict,
            Missing = missing,
            Tentative = true,
        });
    }

    /// <summary>A breach tested on the subject alone came out yes, and no exception can bear on it: violated, without a claim.</summary>
    public static void ConcludeBreach(IContext ctx, ProvisionNode node, Verdict verdict) =>
        Link(ctx, new Outcome { Provision = node, Basis = Basis.Breach, Bindings = verdict.Bindings, Verdict = verdict });

    /// <summary>
    /// The claim is neither upheld nor defeated: undetermined. A provisional verdict's claim that nothing else leaves
    /// open is undetermined for the time of law alone, as the verdict's <c>in-force-unknown</c> would have it.
    /// </summary>
    public static void ConcludeUnsettled(IContext ctx, ProvisionNode node, Claim claim, IEnumerable<Unsettled> unsettled, IEnumerable<DutyDoubt> dutyDoubts)
    {
        var missing = Union(unsettled.Select(u => u.Missing).Concat(dutyDoubts.Select(d => d.Missing)));
        var basis = claim.Verdict is { Provisional: true } verdict && missing.SequenceEqual(Union([verdict.InForce.Missing])) ? Basis.InForceUnknown
            : claim.IsTentative && claim.Missing.SequenceEqual(Union(unsettled.Select(u => u.Missing))) ? Basis.BreachUnknown : Basis.ExceptionUnknown;
        Link(ctx, new Outcome
        {
            Provision = node,
            Basis = basis,
            Bindings = claim.Bindings,
            Verdict = claim.Verdict,
            Missing = missing,
            Tentative = claim.IsTentative,
        });
    }

    public static void ConcludeDutyDoubts(IContext ctx, ProvisionNode node, Claim claim, IEnumerable<DutyDoubt> doubts, Val due) =>
        Link(ctx, new Outcome
        {
            Provision = node,
            Basis = Basis.DischargeUnknown,
            Bindings = claim.Bindings,
            Verdict = claim.Verdict,
            Missing = Union(doubts.Select(d => d.Missing)),
            DueAt = Ops.InstantOrNull(due)
        });

    /// <summary>
    /// Standing exceptions defeat the claim: ExceptionApplies, naming them. Where a carve-out stands among them, the
    /// conduct is outside the provision instead (NotApplicable, or Complied where the carve-out says so), naming the carve-outs.
    /// </summary>
    public static void ConcludeExceptions(IContext ctx, ProvisionNode node, Claim claim, IEnumerable<Standing> exceptions)
    {
        var claims = exceptions.Select(s => s.Claim).OrderBy(c => c.Node.Id, StringComparer.Ordinal).ToList();
        var carveOuts = claims.Where(c => ((ExceptionNode)c.Node).Model.CarveOut is not null).ToList();
        var basis = carveOuts.Count == 0 ? Basis.Exception
            : carveOuts.Any(c => ((ExceptionNode)c.Node).Model.CarveOut == Model.CarveOutOutcome.NotApplicable) ? Basis.CarvedOut : Basis.CarvedOutComplied;
        Link(ctx, new Outcome
        {
            Provision = node,
            Basis = basis,
            Bindings = claim.Bindings,
            Verdict = claim.Verdict,
            Exceptions = [.. carveOuts.Count == 0 ? claims : carveOuts],
            Tentative = claim.IsTentative,
        });
    }

    public static void ConcludeDischarged(IContext ctx, ProvisionNode node, Claim claim, IEnumerable<Discharge> discharges, Val due, IEnumerable<Lapsed> lapses)
    {
        var first = discharges.OrderBy(d => d.At).ThenBy(d => d.Bindings.Length == 0 ? string.Empty : d.Bindings[^1].Id, StringComparer.Ordinal).First();
        Link(ctx, new Outcome
        {
            Provision = node,
            Basis = Basis.Discharged,
            Bindings = claim.Bindings,
            Verdict = claim.Verdict,
            DueAt = Ops.InstantOrNull(due),
            DischargedAt = first.At,
            DischargedBy = first.Bindings,
            Note = LapseNote(lapses),
        });
    }

    public static void ConcludeDeadline(IContext ctx, ProvisionNode node, Claim claim, Basis basis, Val due, IEnumerable<Lapsed> lapses) =>
        Link(ctx, new Outcome
        {
            Note = LapseNote(lapses),
            Provision = node,
            Basis = basis,
            Bindings = claim.Bindings,
            Verdict = claim.Verdict,
            DueAt = Ops.InstantOrNull(due),
            Missing = due.IsUnknown ? due.Missing : [],
        });

    public static void ConcludeViolated(IContext ctx, ProvisionNode node, Claim claim) =>
        Link(ctx, new Outcome { Provision = node, Basis = Basis.Breach, Bindings = claim.Bindings, Verdict = claim.Verdict });

    internal static string ExistenceUnknown(string type) => Ops.FurtherUnknown(type);

    private static ImmutableArray<string> Union(IEnumerable<ImmutableArray<string>> lists) =>
        [.. lists.SelectMany(l => l).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>
    /// Several linked conclusions of one firing, each under its own key; those of the rule's previous firing on the same
    /// match are retracted first.
    /// </summary>
    private static void LinkEach(IContext ctx, IEnumerable<Conclusion> conclusions)
    {
        for (var i = 0; ctx.GetLinked(KeyAt(i)) is { } existing; i++)
        {
            ctx.RetractLinked(KeyAt(i), existing);
        }

        var n = 0;
        foreach (var conclusion in conclusions)
        {
            ctx.InsertLinked(KeyAt(n++), conclusion);
        }
    }

    private static string KeyAt(int index) => index < Keys.Length ? Keys[index] : Key + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void Link(IContext ctx, object conclusion)
    {
        var existing = ctx.GetLinked(Key);
        if (existing is not null)
        {
            ctx.RetractLinked(Key, existing);
        }

        ctx.InsertLinked(Key, conclusion);
    }
}
