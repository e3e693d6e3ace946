using System.Collections.Immutable;
using System.Globalization;
using OrdinanceRules.Facts;

namespace OrdinanceRules.Suites;

/// <summary>
/// Runs suites against a compiled ordinance: evaluates each case's scenario at its as-of instant under
/// its readings, and compares the findings with what the case expects.
/// </summary>
/// <remarks>
/// Stateless and thread-safe. A case that cannot be evaluated (no as-of instant, a reading the ordinance
/// does not declare) fails with <see cref="CaseResult.Error"/> set; nothing is thrown for it.
/// </remarks>
public static class SuiteRunner
{
    /// <summary>Runs every case of a suite, in order.</summary>
    /// <param name="suite">The suite.</param>
    /// <param name="ordinance">The ordinance the suite tests, compiled.</param>
    /// <returns>One result per case.</returns>
    public static SuiteResult Run(OrdinanceSuite suite, CompiledOrdinance ordinance)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(ordinance);
        return new SuiteResult(suite, [.. suite.Cases.Select(c => RunCase(c, ordinance))]);
    }

    /// <summary>Runs one case.</summary>
    /// <param name="suiteCase">The case.</param>
    /// <param name="ordinance">The ordinance, compiled.</param>
    /// <returns>The report and every expectation not met.</returns>
    public static CaseResult RunCase(SuiteCase suiteCase, CompiledOrdinance ordinance)
    {
        ArgumentNullException.ThrowIfNull(suiteCase);
        ArgumentNullException.ThrowIfNull(ordinance);
        var asOf = suiteCase.AsOf ?? suiteCase.Scenario.AsOf;
        if (asOf is null)
        {
            return new CaseResult(suiteCase, null, [], "the case names no as-of instant, and neither does its scenario");
        }

        var readings = ordinance.Ordinance.Readings;
        foreach (var (name, alternative) in suiteCase.Readings)
        {
            var reading = readings.FirstOrDefault(r => r.Name == name);
            if (reading is null || !reading.Allows(alternative))
            {
                var problem = reading is null
                    ? $"the ordinance declares no reading '{name}'"
                    : $"reading '{name}' has no alternative '{alternative}' (it has {string.Join(", ", reading.Alternatives.Select(a => a.Name))})";
                return new CaseResult(suiteCase, null, [], problem);
            }
        }

        var options = EvaluationOptions.Default with { Readings = suiteCase.Readings };
        var report = ordinance.Evaluate(suiteCase.Scenario, asOf.Value, options);
        var clock = JurisdictionClock.For(report.TimeZone);
        var mismatches = suiteCase.Expectations.SelectMany(e => Compare(e, report, ordinance, clock));
        return new CaseResult(suiteCase, report, [.. mismatches]);
    }

    private static IEnumerable<FindingMismatch> Compare(ExpectedFinding expected, ComplianceReport report, CompiledOrdinance ordinance, JurisdictionClock clock)
    {
        var expectedText = Describe(expected, clock);
        var all = report.For(expected.ProvisionId).ToList();
        if (all.Count == 0)
        {
            yield return new FindingMismatch(expected, null, expectedText, $"the ordinance has no provision {expected.ProvisionId}; it has {string.Join(", ", ordinance.Ordinance.Provisions.Select(p => p.Id))}");
            yield break;
        }

        var selected = all.Where(f => Binds(f, expected.Facts)).ToList();
        if (selected.Count == 0)
        {
            var bound = string.Join("; ", all.Select(f => f.Facts.IsEmpty ? "no facts" : string.Join(", ", f.Facts.Select(b => $"{b.Variable}={b.FactId}"))));
            var wanted = string.Join(", ", expected.Facts.Select(b => $"{b.Key}={b.Value}"));
            yield return new FindingMismatch(expected, null, expectedText, $"no finding of {expected.ProvisionId} binds {wanted}; its findings bind {bound}");
            yield break;
        }

        foreach (var finding in selected.Where(f => !Meets(f, expected)))
        {
            yield return new FindingMismatch(expected, finding, expectedText, Describe(finding, clock));
        }
    }

    private static bool Binds(Finding finding, ImmutableDictionary<string, string> facts) =>
        facts.All(pair => finding.Facts.Any(b => b.Variable == pair.Key && b.FactId == pair.Value));

    private static bool Meets(Finding finding, ExpectedFinding expected) =>
        finding.Status == expected.Status
        && (expected.Exceptions is not { } exceptions || SameSet(exceptions, finding.Exceptions.Select(e => e.Id)))
        && (expected.Unknowns is not { } unknowns || SameSet(unknowns, finding.Unknowns))
        && (expected.DueAt is not { } due || finding.DueAt == due);

    private static bool SameSet(IEnumerable<string> expected, IEnumerable<string> actual) =>
        expected.ToHashSet(StringComparer.Ordinal).SetEquals(actual);

    private static string Describe(ExpectedFinding expected, JurisdictionClock clock)
    {
        var parts = new List<string> { StatusWords.Of(expected.Status) };
        if (expected.Exceptions is { } exceptions)
        {
            parts.Add(exceptions.IsEmpty ? "no exceptions" : $"exceptions {string.Join(", ", exceptions)}");
        }

        if (expected.Unknowns is { } unknowns)
        {
            parts.Add(unknowns.IsEmpty ? "no unknowns" : $"unknowns [{string.Join("; ", unknowns)}]");
        }

        if (expected.DueAt is { } due)
        {
            parts.Add($"due {Instant(due, clock)}");
        }

        return string.Join(", ", parts);
    }

    private static string Describe(Finding finding, JurisdictionClock clock)
    {
        var parts = new List<string> { StatusWords.Of(finding.Status) };
        if (!finding.Exceptions.IsEmpty)
        {
            parts.Add($"exceptions {string.Join(", ", finding.Exceptions.Select(e => e.Id))}");
        }

        if (!finding.Unknowns.IsEmpty)
        {
            parts.Add($"unknowns [{string.Join("; ", finding.Unknowns)}]");
        }

        if (finding.DueAt is { } due)
        {
            parts.Add($"due {Instant(due, clock)}");
        }

        return string.Join(", ", parts);
    }

    private static string Instant(DateTimeOffset instant, JurisdictionClock clock) =>
        clock.ToLocal(instant).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
