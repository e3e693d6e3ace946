using OrdinanceRules.Facts;
using OrdinanceRules.Yaml;

namespace OrdinanceRules.Benchmarks.HandWritten;

/// <summary>
/// Checks that the hand-written P2 and P3 (the loop, the NRules fluent rules and the RulesEngine workflows) give
/// the library's statuses on the bundled Roeland Park scenarios, so the benchmarks compare like with like. The
/// hand-written versions are two-valued: scenarios with an unknown value are left out.
/// </summary>
public static class Equivalence
{
    /// <summary>A bundled scenario, as the library and as the hand-written versions see it.</summary>
    /// <param name="File">Its file name.</param>
    /// <param name="Scenario">The library's scenario.</param>
    /// <param name="Hand">The hand-written scenario.</param>
    public sealed record Sample(string File, Scenario Scenario, HandScenario Hand);

    /// <summary>The bundled scenarios with no unknown value, loaded against a compiled ordinance.</summary>
    /// <param name="ordinance">The compiled Roeland Park ordinance.</param>
    /// <returns>The scenarios, by file name.</returns>
    public static List<Sample> Samples(CompiledOrdinance ordinance)
    {
        ArgumentNullException.ThrowIfNull(ordinance);
        return [.. Directory.GetFiles(Path.GetDirectoryName(RoelandPark.ScenarioPath("x"))!, "*.yaml").Order(StringComparer.Ordinal)
            .Select(f => (File: Path.GetFileName(f), Scenario: OrdinanceYaml.LoadScenario(f, ordinance.Ordinance).GetValueOrThrow()))
            .Where(x => x.Scenario.UnknownTypes.IsEmpty && !x.Scenario.Facts.Any(f => f.Type.Fields.Any(d => f[d.Name].State == ValueState.Unknown)))
            .Select(x => new Sample(x.File, x.Scenario, HandScenario.From(x.Scenario, x.Scenario.AsOf!.Value)))];
    }

    /// <summary>The library's P2 and P3 findings, in the hand-written versions' terms.</summary>
    /// <param name="report">The library's report.</param>
    /// <returns>The findings, sorted.</returns>
    public static List<string> Ours(ComplianceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Sorted(report.Findings.Where(f => f.ProvisionId is "P2" or "P3")
            .Select(f => new HandFinding(f.ProvisionId, string.Join(", ", f.Facts.Select(b => b.FactId)), f.Status)));
    }

    /// <summary>Findings as sorted lines.</summary>
    /// <param name="findings">The findings.</param>
    /// <returns>One line each, sorted.</returns>
    public static List<string> Sorted(IEnumerable<HandFinding> findings) =>
        [.. findings.Select(f => $"{f.Provision} [{f.Facts}] {f.Status}").Order(StringComparer.Ordinal)];

    /// <summary>Every difference between the library and each hand-written version; empty when they agree.</summary>
    /// <param name="ordinance">The compiled Roeland Park ordinance.</param>
    /// <returns>One line per scenario and version that disagrees.</returns>
    public static List<string> Differences(CompiledOrdinance ordinance)
    {
        var differences = new List<string>();
        var samples = Samples(ordinance);
        foreach (var sample in samples)
        {
            var ours = Ours(ordinance.Evaluate(sample.Scenario));
            foreach (var (name, findings) in new (string, List<HandFinding>)[]
            {
                ("loop", P2P3.Loop(sample.Hand)),
                ("NRules fluent", FluentRules.Evaluate(sample.Hand)),
                ("RulesEngine", RulesEngineRules.Evaluate(sample.Hand)),
            })
            {
                var theirs = Sorted(findings);
                if (!theirs.SequenceEqual(ours))
                {
                    differences.Add($"{sample.File}: {name} gives [{string.Join("; ", theirs)}], the library [{string.Join("; ", ours)}]");
                }
            }
        }

        if (samples.Count < 30)
        {
            differences.Add($"only {samples.Count} bundled scenarios have no unknown value; expected at least 30");
        }

        return differences;
    }

    /// <summary>Throws when a hand-written version disagrees with the library.</summary>
    /// <param name="ordinance">The compiled Roeland Park ordinance.</param>
    /// <exception cref="InvalidOperationException">They disagree.</exception>
    public static void Check(CompiledOrdinance ordinance)
    {
        var differences = Differences(ordinance);
        if (differences.Count > 0)
        {
            throw new InvalidOperationException("The hand-written P2 and P3 disagree with the library:" + Environment.NewLine + string.Join(Environment.NewLine, differences));
        }
    }
}
