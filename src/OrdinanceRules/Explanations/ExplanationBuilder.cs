using System.Globalization;
using OrdinanceRules.Compilation;
using OrdinanceRules.Conditions;
using OrdinanceRules.Facts;
using OrdinanceRules.Model;

namespace OrdinanceRules.Explanations;

/// <summary>
/// Builds a finding's explanation from what a <see cref="SessionRecorder"/> saw: which rules fired on which facts,
/// which tests came out true or false, and which conclusions were still in working memory at the end.
/// </summary>
internal sealed class ExplanationBuilder(SessionRecorder recorder, JurisdictionClock clock)
{
    public Explanation Build(Outcome outcome, Finding finding)
    {
        var node = outcome.Provision;
        var children = new List<ExplanationNode>();
        children.AddRange(Subject(outcome, node));
        if (!outcome.Basis.IsEarly())
        {
            if (node.Modality == Modality.Obligation)
            {
                children.AddRange(Duty(outcome, node));
            }
            else
            {
                children.AddRange(Breach(outcome, node));
            }
        }

        if (outcome.Verdict is { RestsOn.IsEmpty: false } derived)
        {
            // A derived finding: the findings its conditions tested, each with the rule that decided it.
            children.Add(new ExplanationNode("rests on the findings", ExplanationStatus.Info, derived.RestsOn.Select(o => Leaf(
                $"{o.Provision.Id} ({o.Provision.Citation}) for {FindingTests.About(o)}: {o.Status}{(recorder.InsertedBy.TryGetValue(o, out var by) ? $", decided by rule {by.Rule}" : string.Empty)}",
                o.Basis.Violates() switch { true => ExplanationStatus.Held, null => ExplanationStatus.Unknown, false => ExplanationStatus.Failed }))));
        }

        if (recorder.InsertedBy.TryGetValue(outcome, out var decided))
        {
            children.Add(Leaf($"decided by rule {decided.Rule}", ExplanationStatus.Info));
        }

        var about = finding.Facts.IsEmpty ? string.Empty : " for " + string.Join(", ", finding.Facts.Select(f => $"{f.Variable}={f.FactType} {f.FactId}"));
        var root = new ExplanationNode($"{finding.ProvisionId} ({finding.Citation}, {finding.Title}){about}: {finding.Status}", ExplanationStatus.Info, children);
        return new Explanation(finding, root);
    }

    // ---- Facts, match, in force, applies-when ----------------------------------------------------

    private IEnumerable<ExplanationNode> Subject(Outcome outcome, ProvisionReference node)
    {
        var types = node.SubjectFrame.SelectMany(v => v.TypeNames).Distinct(StringComparer.Ordinal).ToList();
        switch (outcome.Basis)
        {
            case Basis.NoMatch:
                foreach (var type in types)
                {
                    var facts = recorder.Facts.Where(f => f.Type.Name == type).Select(f => f.Id).ToList();
                    yield return facts.Count == 0
                        ? Leaf($"for: the scenario has no {type}", ExplanationStatus.Failed)
                        : Leaf($"for: {type} {string.Join(", ", facts)}", ExplanationStatus.Info);
                }

                if (node.Match is not null && types.All(t => recorder.Facts.Any(f => f.Type.Name == t)))
                {
                    var tried = recorder.Tests.Count(t => t.Rule == node.RuleName("verdict"));
                    yield return Leaf($"match: {Condition(node.Match)}: no combination of them matched ({tried} tried)", ExplanationStatus.Failed);
                }

                yield break;
            case Basis.Existence:
                yield return Leaf($"the scenario leaves open {Names(outcome.Missing)}", ExplanationStatus.Unknown);
                yield break;
        }

        var subject = outcome.Bindings.Take(node.SubjectFrame.Length).ToArray();
        yield return Leaf($"for: {string.Join(", ", node.SubjectFrame.Where(v => v.Slot < subject.Length).Select(v => $"{v.Name} = {subject[v.Slot]}"))}", ExplanationStatus.Info);
        if (node.Match is not null)
        {
            yield return Uses(node.Match, outcome.Basis == Basis.MatchUnknown
                ? Leaf($"match: {Condition(node.Match)}: unknown, depends on {Names(outcome.Missing)}", ExplanationStatus.Unknown)
                : Leaf($"match: {Condition(node.Match)}: yes", ExplanationStatus.Held));
        }

        if (outcome.Basis == Basis.MatchUnknown)
        {
            yield break;
        }

        if (node.HasPeriod)
        {
            yield return outcome.Basis switch
            {
                Basis.NotInForce => Leaf($"in force at the event's time: no. {outcome.Note}", ExplanationStatus.Failed),
                Basis.InForceUnknown => Leaf($"in force at the event's time: unknown, depends on {Names(outcome.Missing)}", ExplanationStatus.Unknown),
                Basis.Scope when outcome.Verdict is { InForce.IsUnknown: true } verdict =>
                    Leaf($"in force at the event's time: unknown, depends on {Names(verdict.InForce.Missing)}", ExplanationStatus.Unknown),
                _ when outcome.Verdict is { Provisional: true } provisional =>
                    Leaf($"in force at the event's time: unknown, depends on {Names(provisional.InForce.Missing)}; weighed as written, since if it was in force its text is the one compiled", ExplanationStatus.Unknown),
                _ => Leaf($"in force at the event's time: yes{VersionNote(node, outcome)}", ExplanationStatus.Held),
            };
            if (outcome.Basis is Basis.NotInForce or Basis.InForceUnknown)
            {
                yield break;
            }
        }

        if ((Versioned(node, outcome, v => v.AppliesWhen) ?? node.AppliesWhen) is { } appliesWhen)
        {
            yield return Uses(appliesWhen, outcome.Basis switch
            {
                Basis.Scope => Leaf($"applies-when: {Condition(appliesWhen)}: no, so the provision does not apply", ExplanationStatus.Failed),
                Basis.ScopeUnknown => Leaf($"applies-when: {Condition(appliesWhen)}: unknown, depends on {Names(outcome.Missing)}", ExplanationStatus.Unknown),
                _ => Leaf($"applies-when: {Condition(appliesWhen)}: yes", ExplanationStatus.Held),
            });
        }
    }

    /// <summary>The version in force at the outcome's event time, when the provision has versions.</summary>
    private static VersionReference? VersionOf(ProvisionReference node, Outcome outcome) =>
        outcome.Verdict is { } verdict ? node.VersionAt(verdict.EventTime) : null;

    /// <summary>A condition of the version in force, when it restates that condition.</summary>
    private static ConditionWording? Versioned(ProvisionReference node, Outcome outcome, Func<VersionReference, ConditionWording?> condition) =>
        VersionOf(node, outcome) is { } version ? condition(version) : null;

    private static string VersionNote(ProvisionReference node, Outcome outcome) =>
        VersionOf(node, outcome) is { } version ? $" (the version in force {version.Period})" : string.Empty;

    // ---- Prohibitions, permissions, non-obligations ---------------------------------------------

    private IEnumerable<ExplanationNode> Breach(Outcome outcome, ProvisionReference node)
    {
        var violatedWhen = Versioned(node, outcome, v => v.ViolatedWhen) ?? node.ViolatedWhen;
        var violated = violatedWhen is null ? "violated-when" : $"violated-when: {Condition(violatedWhen)}";
        var claim = ClaimOf(node, outcome.Bindings);
        if (node.ViolationFrame.IsEmpty)
        {
            if (claim is null && outcome.Verdict is { } verdict && !Ops.IsFalse(verdict.Violated))
            {
                // No exception can bear on the breach: the verdict decided it, with no claim.
                var unknown = verdict.Violated.IsUnknown;
                yield return unknown
                    ? Leaf($"{violated}: unknown, depends on {Names(verdict.Violated.Missing)}", ExplanationStatus.Unknown)
                    : Leaf($"{violated}: yes", ExplanationStatus.Held);
                yield return unknown
                    ? Leaf($"the breach is unsettled: it depends on {Names(outcome.Missing)}", ExplanationStatus.Unknown)
                    : Leaf("the breach stands: no exception defeats it", ExplanationStatus.Held);
                yield break;
            }

            if (claim is null)
            {
                yield return Uses(violatedWhen, Leaf($"{violated}: no", ExplanationStatus.Failed));
                yield break;
            }

            yield return Uses(violatedWhen, claim.IsTentative
                ? Leaf($"{violated}: unknown, depends on {Names(claim.Missing)}", ExplanationStatus.Unknown)
                : Leaf($"{violated}: yes", ExplanationStatus.Held));
        }
        else
        {
            var subject = recorder.Live.OfType<Verdict>().FirstOrDefault(s => s.Provision == node && s.Engaged && outcome.Bindings.Take(s.Bindings.Length).SequenceEqual(s.Bindings));
            var tests = subject is null ? [] : Tests(node, "breach", "breach-doubt", subject).ToList();
            var types = string.Join(" and ", node.ViolationFrame.Select(v => v.Type.Name).Distinct(StringComparer.Ordinal));
            if (tests.Count == 0)
            {
                tests.Add(Leaf($"the scenario has no {types} to test", ExplanationStatus.Failed));
            }

            var status = claim is null ? ExplanationStatus.Failed : claim.IsTentative ? ExplanationStatus.Unknown : ExplanationStatus.Held;
            yield return Uses(violatedWhen, new ExplanationNode($"{violated}: {Word(status)}", status, tests));
        }

        if (claim is not null)
        {
            foreach (var item in ClaimStanding(claim, "the breach"))
            {
                yield return item;
            }
        }
    }

    // ---- Obligations ------------------------------------------------------------------------------

    private IEnumerable<ExplanationNode> Duty(Outcome outcome, ProvisionReference node)
    {
        var claim = ClaimOf(node, outcome.Bindings);
        if (claim is null)
        {
            yield break;
        }

        yield return Leaf("the duty arose", ExplanationStatus.Held);
        foreach (var item in ClaimStanding(claim, "the duty"))
        {
            yield return item;
        }

        var metBy = node.MetBy is null ? "met-by" : $"met-by: {Condition(node.MetBy)}";
        var tests = Tests(node, "discharge", "discharge-doubt", claim).ToList();
        if (tests.Count == 0)
        {
            tests.Add(Leaf($"the scenario has no {string.Join(" and ", node.MetByFrame.Select(v => v.Type.Name).Distinct(StringComparer.Ordinal))} to test", ExplanationStatus.Failed));
        }

        var discharged = recorder.Live.OfType<Discharge>().Any(d => d.Claim == claim);
        var doubted = recorder.Live.OfType<DutyDoubt>().Any(d => d.Claim == claim);
        var status = discharged ? ExplanationStatus.Held : doubted ? ExplanationStatus.Unknown : ExplanationStatus.Failed;
        yield return Uses(node.MetBy, new ExplanationNode($"discharged in time ({metBy}): {Word(status)}", status, tests));
        if (outcome.DueAt is { } due)
        {
            yield return Leaf($"due at {Time(due)}", ExplanationStatus.Info);
        }

        if (outcome.Note is not null)
        {
            yield return Leaf(outcome.Note, ExplanationStatus.Info);
        }
    }

    // ---- Claims and exceptions --------------------------------------------------------------------

    /// <summary>Whether a claim stands, and its exceptions.</summary>
    private IEnumerable<ExplanationNode> ClaimStanding(Claim claim, string what)
    {
        var exceptions = claim.Reference.Exceptions.Select(c => Exception(c, claim)).ToList();
        var defeaters = claim.Reference.Exceptions.SelectMany(c => ClaimsUnder(c, claim)).Where(c => Stands(c)).Select(c => c.Reference.Id).ToList();
        if (exceptions.Count > 0)
        {
            yield return new ExplanationNode("exceptions", ExplanationStatus.Info, exceptions);
        }

        var carvedOutBy = claim.Reference.Exceptions.Where(c => c.CarveOut is not null).SelectMany(c => ClaimsUnder(c, claim)).Where(c => Stands(c)).Select(c => c.Reference.Id).ToList();
        if (carvedOutBy.Count > 0)
        {
            yield return Leaf($"the conduct is outside the provision: carved out by {string.Join(" and ", carvedOutBy)}", ExplanationStatus.Defeated);
        }
        else if (defeaters.Count > 0)
        {
            yield return Leaf($"{what} is defeated by {string.Join(" and ", defeaters)}", ExplanationStatus.Defeated);
        }
        else if (Stands(claim))
        {
            yield return Leaf($"{what} stands: no exception defeats it", ExplanationStatus.Held);
        }
        else if (recorder.Live.OfType<Unsettled>().FirstOrDefault(u => u.Claim == claim) is { } unsettled)
        {
            yield return Leaf($"{what} is unsettled: it depends on {Names(unsettled.Missing)}", ExplanationStatus.Unknown);
        }
    }

    private ExplanationNode Exception(ExceptionReference exception, Claim parent)
    {
        var claims = ClaimsUnder(exception, parent).ToList();
        var items = new List<ExplanationNode>();
        if (exception.PrevailingId is { } prevailing)
        {
            items.Add(claims.Count > 0
                ? Leaf($"{prevailing} ({exception.PrevailingCitation}) permits the conduct and prevails", ExplanationStatus.Held)
                : Leaf($"{prevailing} ({exception.PrevailingCitation}) does not permit it here", ExplanationStatus.Failed));
        }
        else
        {
            items.AddRange(Tests(exception, "holds", "doubt", parent));
            if (items.Count == 0)
            {
                var types = exception.OwnFrame.Select(v => v.Type.Name).Distinct(StringComparer.Ordinal).ToList();
                items.Add(Leaf(types.Count > 0 ? $"not tested: the scenario has no {string.Join(" or ", types)}" : "not tested", ExplanationStatus.Failed));
            }
        }

        foreach (var doubt in recorder.Live.OfType<Doubt>().Where(d => d.Owner == parent && recorder.InsertedBy.TryGetValue(d, out var p) && p.Rule.StartsWith(exception.RuleName("existence-"), StringComparison.Ordinal)))
        {
            items.Add(Leaf($"the scenario leaves open {Names(doubt.Missing)}", ExplanationStatus.Unknown));
        }

        foreach (var claim in claims)
        {
            var under = ClaimStanding(claim, $"{exception.Id}{Through(claim, exception)}").ToList();
            foreach (var lapse in recorder.Live.OfType<Lapsed>().Where(l => l.Exception == claim))
            {
                under.Add(Leaf($"lapsed at {Time(lapse.At)}; the duty is due afresh by {Time(lapse.Due)}", ExplanationStatus.Info));
            }

            items.AddRange(under);
        }

        var status = claims.Any(Stands) ? ExplanationStatus.Held
            : claims.Any(c => !c.IsTentative && DefeatedByChild(c)) ? ExplanationStatus.Defeated
            : claims.Count > 0 || items.Any(i => i.Status == ExplanationStatus.Unknown) ? ExplanationStatus.Unknown
            : ExplanationStatus.Failed;
        var when = exception.When is null ? string.Empty : $": {Condition(exception.When)}";
        var verdict = status switch
        {
            ExplanationStatus.Held => "holds",
            ExplanationStatus.Defeated => "held, but is defeated",
            ExplanationStatus.Unknown => "unknown",
            _ => "does not hold",
        };
        var shared = exception.SharedFrom is null ? string.Empty : $", shared exception set {exception.SharedFrom}";
        return Uses(exception.When, new ExplanationNode($"{exception.Id} {exception.Title} ({exception.Section}{shared}){when}: {verdict}", status, items));
    }

    /// <summary>The results of a node's test (one rule for yes, one for unknown) against an owner, one line per combination of further facts.</summary>
    private IEnumerable<ExplanationNode> Tests(NodeReference node, string yesRule, string unknownRule, object owner)
    {
        var yes = node.RuleName(yesRule);
        var unknown = node.RuleName(unknownRule);
        var combos = recorder.Tests
            .Where(t => (t.Rule == yes || t.Rule == unknown) && t.Facts.Any(f => ReferenceEquals(f, owner)))
            .GroupBy(t => string.Join(", ", t.Facts.OfType<Fact>().Except(Bindings(owner)).Select(f => f.ToString())), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var combo in combos)
        {
            var on = combo.Key.Length == 0 ? string.Empty : $" for {combo.Key}";
            if (combo.Any(t => t.Rule == yes && t.Result))
            {
                yield return Leaf($"yes{on}", ExplanationStatus.Held);
            }
            else if (combo.Any(t => t.Rule == unknown && t.Result))
            {
                var facts = combo.First().Facts.OfType<Fact>().ToList();
                var missing = recorder.Live.OfType<Claim>().Where(c => c.Reference == node && c.IsTentative && facts.All(f => c.Bindings.Contains(f)))
                    .SelectMany(c => c.Missing)
                    .Concat(recorder.Live.OfType<DutyDoubt>().Where(d => d.Claim == owner).SelectMany(d => d.Missing))
                    .Distinct().ToList();
                yield return Leaf($"unknown{on}{(missing.Count == 0 ? string.Empty : $": depends on {Names(missing)}")}", ExplanationStatus.Unknown);
            }
            else
            {
                yield return Leaf($"no{on}", ExplanationStatus.Failed);
            }
        }
    }

    private static Fact[] Bindings(object owner) => owner switch
    {
        Claim c => c.Bindings,
        Verdict s => s.Bindings,
        _ => [],
    };

    private IEnumerable<Claim> ClaimsUnder(NodeReference node, Claim parent) =>
        recorder.Live.OfType<Claim>().Where(c => c.Reference == node && c.Parent == parent);

    private Claim? ClaimOf(ProvisionReference node, Fact[] bindings) =>
        recorder.Live.OfType<Claim>().FirstOrDefault(c => c.Reference == node && c.Parent is null && (ReferenceEquals(c.Bindings, bindings) || c.Bindings.SequenceEqual(bindings)));

    private bool Stands(Claim claim) => recorder.Live.OfType<Standing>().Any(s => s.Claim == claim);

    private bool DefeatedByChild(Claim claim) => claim.Reference.Exceptions.SelectMany(c => ClaimsUnder(c, claim)).Any(Stands);

    private static string Through(Claim claim, ExceptionReference exception)
    {
        var own = exception.OwnFrame.Where(v => v.Slot < claim.Bindings.Length).Select(v => claim.Bindings[v.Slot].ToString()).ToList();
        return own.Count == 0 ? string.Empty : $" (through {string.Join(", ", own)})";
    }

    private static string Condition(ConditionWording condition) =>
        string.Join(' ', condition.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The node, with a line under it for each definition its condition uses: where the term is defined, and what it means.</summary>
    private static ExplanationNode Uses(ConditionWording? condition, ExplanationNode node)
    {
        if (condition is null || condition.UsedDefinitions.IsEmpty)
        {
            return node;
        }

        var uses = condition.UsedDefinitions.Select(d =>
            Leaf($"uses {d.Signature}, {d.Section}{(d.Title is null ? string.Empty : $" ({d.Title})")}: {Words(d.Means.Text)}", ExplanationStatus.Info));
        return new ExplanationNode(node.Text, node.Status, node.Children.Concat(uses));
    }

    private static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Names(IEnumerable<UnknownCause> names) => UnknownCause.Join(names);

    private static string Word(ExplanationStatus status) => status switch
    {
        ExplanationStatus.Held => "yes",
        ExplanationStatus.Unknown => "unknown",
        _ => "no",
    };

    private string Time(DateTimeOffset instant) =>
        clock.ToLocal(instant).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);

    private static ExplanationNode Leaf(string text, ExplanationStatus status) => new(text, status);
}
