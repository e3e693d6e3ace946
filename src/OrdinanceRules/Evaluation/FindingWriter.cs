using System.Collections.Immutable;
using System.Globalization;
using OrdinanceRules.Compilation;
using OrdinanceRules.Conditions;
using OrdinanceRules.Facts;
using OrdinanceRules.Model;

namespace OrdinanceRules.Evaluation;

/// <summary>
/// Words an outcome the rules decided as a <see cref="Finding"/>: citation, facts, and a one-sentence
/// reason. It decides nothing: the status comes from the NRules rule that fired. It reads the conclusions and
/// their provision references (<see cref="ProvisionReference"/>), never the compiler's nodes.
/// </summary>
internal sealed class FindingWriter(JurisdictionClock clock, DateTimeOffset asOf)
{
    public static Conflict Write(ConflictConclusion conflict)
    {
        var facts = Bind(conflict.Claim.Bindings.Where(f => conflict.Permit.Bindings.Contains(f)).ToArray(), conflict.Provision.ClaimFrame, conflict.Claim.Bindings);
        var about = string.Join(", ", facts.Select(f => $"{f.FactType} {f.FactId}"));
        var provision = conflict.Provision;
        var permission = conflict.Permission;
        return new Conflict(
            provision.Id,
            provision.Citation,
            permission.Id,
            permission.Citation,
            facts,
            $"{provision.Id} ({provision.Title}) and {permission.Id} ({permission.Title}) both bear on {about} and conclude differently, and neither is declared to prevail: the ordinance must say which does.");
    }

    public Finding Write(Outcome outcome)
    {
        var provision = outcome.Provision;
        var facts = Bind(outcome.Bindings, outcome.Bindings.Length <= provision.SubjectFrame.Length ? provision.SubjectFrame : provision.ClaimFrame);
        var exceptions = outcome.Exceptions.Select(Applied).ToImmutableArray();
        return new Finding
        {
            ProvisionId = provision.Id,
            Citation = provision.Citation,
            Section = provision.Section,
            Title = provision.Title,
            Origin = provision.Origin,
            Text = provision.Text,
            Modality = provision.Modality,
            Status = outcome.Status,
            Reason = Reason(outcome, facts, exceptions),
            Facts = facts,
            Exceptions = exceptions,
            Unknowns = UnknownCause.Words(outcome.Missing),
            DueAt = outcome.DueAt is { } due ? clock.ToLocal(due) : null,
            DischargedAt = outcome.DischargedAt is { } at ? clock.ToLocal(at) : null,
        };
    }

    /// <summary>An exception's claim that defeats the outcome's, with the facts it binds of its own (none for an implied one).</summary>
    private static AppliedException Applied(Claim claim)
    {
        var exception = claim.Exception!;
        return new AppliedException(exception.Id, exception.Section, exception.Title, exception.PrevailingId is null ? Bind(claim.Bindings, exception.OwnFrame) : []);
    }

    private static ImmutableArray<FactBinding> Bind(Fact[] bindings, ImmutableArray<FrameVariable> frame) =>
        [.. frame.Where(v => v.Slot < bindings.Length).Select(v => new FactBinding(v.Name, bindings[v.Slot].Type.Name, bindings[v.Slot].Id))];

    /// <summary>The frame's bindings restricted to some of its facts.</summary>
    private static ImmutableArray<FactBinding> Bind(Fact[] subset, ImmutableArray<FrameVariable> frame, Fact[] bindings) =>
        [.. Bind(bindings, frame).Where((b, i) => subset.Contains(bindings[frame[i].Slot]))];

    private string Reason(Outcome outcome, ImmutableArray<FactBinding> facts, ImmutableArray<AppliedException> exceptions)
    {
        var provision = outcome.Provision;
        var about = facts.IsEmpty ? "the scenario" : string.Join(", ", facts.Select(f => $"{f.FactType} {f.FactId}"));
        var missing = UnknownCause.Join(outcome.Missing);
        var reason = outcome.Basis switch
        {
            Basis.NoMatch =>
                $"Nothing in the scenario falls under this provision: it has no {Combination(outcome.Provision)} that {provision.Id} covers.",
            Basis.NotInForce => outcome.Note ?? "The provision was not in force at the event's time.",
            Basis.InForceUnknown =>
                $"Cannot be determined whether the provision was in force when {about} happened: {missing}.",
            Basis.Scope =>
                $"The provision does not apply to {about}: its applies-when conditions are not met.",
            Basis.Existence =>
                $"Cannot be determined: the scenario leaves open {missing}.",
            Basis.MatchUnknown =>
                $"Cannot be determined whether {about} belong together under this provision: it depends on {missing}.",
            Basis.ScopeUnknown =>
                $"Cannot be determined whether the provision applies to {about}: it depends on {missing}.",
            Basis.BreachUnknown =>
                $"The provision applies to {about}, but whether it was breached cannot be determined: it depends on {missing}.",
            Basis.ExceptionUnknown when outcome.Tentative =>
                $"Whether {about} breached the provision cannot be determined, nor whether an exception applies: it depends on {missing}.",
            Basis.ExceptionUnknown =>
                $"{BreachBy(provision, about)}, but whether an exception applies cannot be determined: it depends on {missing}.",
            Basis.DeadlineUnknown =>
                $"The duty arose from {about} and was not discharged, but its deadline cannot be determined: it depends on {missing}.",
            Basis.DischargeUnknown =>
                $"The duty arose from {about}, but whether it was discharged in time cannot be determined: it depends on {missing}{Due(outcome)}.",
            Basis.Exception when outcome.Tentative =>
                $"Whether {about} breached the provision is unknown, but {Exceptions(exceptions)} either way.",
            Basis.Exception =>
                $"{BreachBy(provision, about)}, but {Exceptions(exceptions)}.",
            Basis.CarvedOut =>
                $"{Subject(about)} is outside the provision: {CarveOuts(exceptions)} takes it out of {provision.Id}.",
            Basis.CarvedOutComplied =>
                $"{Subject(about)} complies with the provision: {CarveOuts(exceptions)} permits it.",
            Basis.DeadlinePassed =>
                $"The duty arose from {about} and fell due at {Time(outcome.DueAt)}; it was not discharged by then, and no exception applies.",
            Basis.Breach =>
                $"{BreachBy(provision, about)}, and no exception applies.",
            Basis.Discharged =>
                $"The duty arising from {about} was discharged at {Time(outcome.DischargedAt)} by {string.Join(", ", outcome.DischargedBy.Select(f => $"{f.Type.Name} {f.Id}"))}{(outcome.DueAt is null ? string.Empty : $", by the deadline of {Time(outcome.DueAt)}")}.",
            Basis.NoBreach =>
                $"The provision applies to {about} and was not breached.",
            Basis.Pending =>
                outcome.DueAt is null
                    ? $"The duty arising from {about} has not been discharged as of {Time(asOf)}, and the provision sets no deadline."
                    : $"The duty arising from {about} falls due at {Time(outcome.DueAt)} and has not been discharged as of {Time(asOf)}.",
            _ => outcome.Status.ToString(),
        };
        reason = outcome.Note is null || outcome.Basis == Basis.NotInForce ? reason : $"{reason} {outcome.Note}";
        if (outcome.Verdict is { Provisional: true } provisional && !outcome.Basis.IsUndetermined())
        {
            reason = $"{reason} Whether the provision was in force at the event's time is unknown ({UnknownCause.Join(provisional.InForce.Missing)}), but no breach follows either way.";
        }

        return outcome.Verdict is { RestsOn.IsEmpty: false } derived ? $"{reason} {RestsOn(derived)}" : reason;
    }

    /// <summary>The findings of other provisions that a derived finding's conditions tested, each with its status.</summary>
    internal static string RestsOn(Verdict verdict) =>
        $"It rests on {string.Join("; ", verdict.RestsOn.Select(o => $"{o.Provision.Id} for {FindingTests.About(o)} ({Suites.StatusWords.Of(o.Status)})"))}.";

    private static string Combination(ProvisionReference provision)
    {
        var types = provision.SubjectFrame.Select(v => string.Join(" or ", v.TypeNames)).Distinct().ToList();
        return types.Count == 1 ? types[0] : $"combination of {string.Join(" and ", types)}";
    }

    private static string BreachBy(ProvisionReference provision, string about) => provision.Modality switch
    {
        Modality.Obligation => $"The duty arose from {about}",
        Modality.NonObligation => $"An official was treated as obligated ({about})",
        Modality.Permission => $"The permitted conduct was penalized or prevented ({about})",
        _ => $"The prohibited conduct occurred ({about})",
    };

    private static string Subject(string about) => $"What was done ({about})";

    private static string CarveOuts(ImmutableArray<AppliedException> carveOuts) =>
        string.Join(" and ", carveOuts.Select(e => $"carve-out {e.Id} ({e.Section}, {e.Title})"));

    private static string Exceptions(ImmutableArray<AppliedException> exceptions)
    {
        var parts = exceptions.Select(e =>
            $"exception {e.Id} ({e.Section}, {e.Title}) applies{(e.Facts.IsEmpty ? string.Empty : " through " + string.Join(", ", e.Facts.Select(f => $"{f.FactType} {f.FactId}")))}");
        return string.Join(", and ", parts);
    }

    private string Due(Outcome outcome) => outcome.DueAt is null ? string.Empty : $" (due {Time(outcome.DueAt)})";

    private string Time(DateTimeOffset? instant) =>
        instant is null ? "an unknown time" : clock.ToLocal(instant.Value).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);
}
