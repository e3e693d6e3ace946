using System.Globalization;
using System.Text;
using OrdinanceRules.Model;
using OrdinanceRules.Yaml.Tests.Samples;

namespace OrdinanceRules.Yaml.Tests.Differential;

/// <summary>
/// Evaluates every bundled scenario against its ordinance, alone and in the law stacks the samples use, under the
/// default readings and under each other alternative of each reading (one at a time; in a stack, of the higher
/// laws' readings), and renders the findings
/// (order, statuses, facts, exceptions, unknowns, instants, reasons) and conflicts as text. The recorded text is
/// TestData/differential/findings.txt; see TestData/differential/README.md for how it is made.
/// </summary>
internal static class DifferentialRecord
{
    public const string RelativePath = "TestData/differential/findings.txt";

    /// <summary>Which scenarios each ordinance (or stack) is evaluated on: the stacks are the ones the samples and docs use.</summary>
    private static readonly (string Ordinance, string[] HigherLaws, string[] ScenarioFolders)[] Runs =
    [
        ("roeland-park-ks", [], ["roeland-park"]),
        ("roeland-park-ks", ["kansas-ksa-12-16-140"], ["roeland-park"]),
        ("roeland-park-ks", ["us-legal-compulsion"], ["roeland-park"]),
        ("roeland-park-ks", ["us-8-usc-1373"], ["roeland-park"]),
        ("roeland-park-ks", ["kansas-ksa-12-16-140", "us-8-usc-1373"], ["roeland-park"]),
        ("roeland-park-ks", ["us-legal-compulsion", "us-8-usc-1373"], ["roeland-park"]),
        ("lawrence-ks", [], ["lawrence", "roeland-park"]),
        ("us-8-cfr-287-7", [], ["cfr-287-7"]),
    ];

    /// <summary>The whole record, as the engine of the working tree evaluates it now.</summary>
    public static string Render()
    {
        var text = new StringBuilder();
        foreach (var (ordinanceName, higherLaws, folders) in Runs)
        {
            var ordinance = OrdinanceYaml.LoadOrdinance(OrdinancePath(ordinanceName)).GetValueOrThrow();
            var laws = higherLaws.Select(l => OrdinanceYaml.LoadOrdinance(OrdinancePath(l)).GetValueOrThrow()).ToList();
            var compiled = OrdinanceCompiler.Compile(ordinance, laws);
            var stack = higherLaws.Length == 0 ? ordinanceName : $"{ordinanceName} under {string.Join(" + ", higherLaws)}";
            // In a stack, the local ordinance's readings are taken at their defaults (they are varied alone); the higher laws' are varied.
            var alternatives = Alternatives(higherLaws.Length == 0 ? [compiled.Ordinance] : compiled.HigherLaws);
            foreach (var folder in folders)
            {
                foreach (var file in Directory.GetFiles(Repository.PathOf("samples", "scenarios", folder), "*.yaml").Order(StringComparer.Ordinal))
                {
                    text.Append("# ").Append(stack).Append(" | ").Append(folder).Append('/').Append(Path.GetFileName(file)).Append('\n');
                    var scenario = OrdinanceYaml.LoadScenario(file, compiled.Ordinance);
                    if (!scenario.Succeeded)
                    {
                        text.Append("does not load: ").Append(scenario.Diagnostics[0].Code).Append('\n');
                        continue;
                    }

                    var defaults = compiled.Evaluate(scenario.Value!, EvaluationOptions.Default);
                    var baseline = Report(defaults);
                    text.Append("readings: default (").Append(string.Join(", ", defaults.Readings.Select(r => $"{r.Name}={r.Alternative}"))).Append(")\n");
                    text.Append(baseline);
                    foreach (var (reading, alternative) in alternatives)
                    {
                        var report = compiled.Evaluate(scenario.Value!, EvaluationOptions.Default.WithReading(reading, alternative));
                        report.Readings.Single(r => r.Name == reading).Alternative.Should().Be(alternative);
                        var findings = Report(report);
                        text.Append("readings: ").Append(reading).Append('=').Append(alternative).Append('\n');
                        text.Append(findings == baseline ? "  same as default\n" : findings);
                    }
                }
            }
        }

        return text.ToString();
    }

    private static string OrdinancePath(string name) => Repository.PathOf("samples", "ordinances", name + ".yaml");

    private static List<(string Reading, string Alternative)> Alternatives(IEnumerable<Ordinance> laws) =>
        [.. laws.SelectMany(l => l.Readings).SelectMany(r => r.Alternatives.Where(a => a.Name != r.Default).Select(a => (r.Name, a.Name)))];

    private static string Report(ComplianceReport report)
    {
        var text = new StringBuilder();
        foreach (var f in report.Findings)
        {
            text.Append("  ").Append(f.ProvisionId)
                .Append(" | ").Append(f.Status)
                .Append(" | ").Append(List(f.Facts.Select(b => $"{b.Variable}={b.FactType} {b.FactId}")))
                .Append(" | exceptions: ").Append(List(f.Exceptions.Select(e => $"{e.Id} ({e.Section}, {e.Title}) through {List(e.Facts.Select(b => $"{b.Variable}={b.FactId}"))}")))
                .Append(" | unknowns: ").Append(List(f.Unknowns))
                .Append(" | due: ").Append(Instant(f.DueAt))
                .Append(" | discharged: ").Append(Instant(f.DischargedAt))
                .Append('\n');
            text.Append("    ").Append(f.Citation).Append(": ").Append(f.Reason).Append('\n');
        }

        foreach (var c in report.Conflicts)
        {
            text.Append("  conflict ").Append(c.ProvisionId).Append(" / ").Append(c.OtherProvisionId)
                .Append(" | ").Append(List(c.Facts.Select(b => $"{b.Variable}={b.FactType} {b.FactId}")))
                .Append('\n').Append("    ").Append(c.Description).Append('\n');
        }

        return text.ToString();
    }

    private static string List(IEnumerable<string> items)
    {
        var joined = string.Join("; ", items);
        return joined.Length == 0 ? "-" : joined;
    }

    private static string Instant(DateTimeOffset? instant) =>
        instant is { } i ? i.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) : "-";
}
