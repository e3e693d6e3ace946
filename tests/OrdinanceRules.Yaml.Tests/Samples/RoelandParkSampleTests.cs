using System.Text.RegularExpressions;

namespace OrdinanceRules.Yaml.Tests.Samples;

/// <summary>
/// Every bundled Roeland Park scenario, loaded from YAML and evaluated through NRules, against the oracle
/// in samples/scenarios/roeland-park/EXPECTED.md: the same findings, no more and no fewer; and, under
/// each other reading its second table lists, the findings that reading changes.
/// </summary>
public partial class RoelandParkSampleTests
{
    private static readonly Lazy<CompiledOrdinance> Ordinance = new(() =>
        OrdinanceCompiler.Compile(OrdinanceYaml.LoadOrdinance(Repository.PathOf("samples", "ordinances", "roeland-park-ks.yaml")).GetValueOrThrow()));

    private static readonly Lazy<IReadOnlyList<OracleRow>> Rows = new(ReadOracle);

    private static readonly Lazy<ILookup<string, Expected>> Oracle = new(() =>
        Rows.Value.Where(r => r.Readings.Length == 0).ToLookup(r => r.File, r => r.Row));

    private static readonly Lazy<ILookup<(string Readings, string File), Expected>> Alternatives = new(() =>
        Rows.Value.Where(r => r.Readings.Length > 0).ToLookup(r => (r.Readings, r.File), r => r.Row));

    public static TheoryData<string> Scenarios() => new(ScenarioFiles());

    private static IEnumerable<string> ScenarioFiles() =>
        Directory.GetFiles(Repository.PathOf("samples", "scenarios", "roeland-park"), "*.yaml")
            .Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal);

    public static TheoryData<string, string> ReadingRows()
    {
        var data = new TheoryData<string, string>();
        foreach (var group in Alternatives.Value)
        {
            data.Add(group.Key.Readings, group.Key.File);
        }

        return data;
    }

    private static ComplianceReport Evaluate(string file, EvaluationOptions? options = null) =>
        Ordinance.Value.Evaluate(OrdinanceYaml.LoadScenario(Repository.PathOf("samples", "scenarios", "roeland-park", file), Ordinance.Value.Ordinance).GetValueOrThrow(), options);

    private static List<Expected> Actual(ComplianceReport report) =>
        [.. report.Findings.Select(f => new Expected(
            f.ProvisionId,
            string.Join(", ", f.Facts.Select(b => $"{b.Variable}={b.FactId}").ToArray()),
            f.Status,
            string.Join(", ", f.Exceptions.Select(e => e.Id).ToArray()),
            string.Join(", ", f.Unknowns.Select(u => ShortUnknown(u)).ToArray()),
            f.DueAt?.ToUniversalTime()))];

    private static IEnumerable<(string Name, string Alternative)> Choices(string readings) =>
        readings.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(c => c.Trim('`').Split('='))
            .Where(p => p.Length == 2)
            .Select(p => (p[0], p[1]));

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Evaluate_BundledScenario_MatchesTheOracle(string file)
    {
        var report = Evaluate(file);

        var expected = Oracle.Value[file].ToList();
        expected.Should().NotBeEmpty("EXPECTED.md must have rows for {0}", file);
        var actual = Actual(report);

        report.Readings.Should().OnlyContain(r => r.IsDefault);
        actual.Should().BeEquivalentTo(expected, options => options.WithoutStrictOrdering(), string.Join(Environment.NewLine, report.Findings.Select(f => $"{f.ProvisionId} {f.Status}: {f.Reason}")));
    }

    [Theory]
    [MemberData(nameof(ReadingRows))]
    public void Evaluate_UnderAnotherReading_ChangesTheListedFindingsAndNamesTheReading(string readings, string file)
    {
        var choices = Choices(readings).ToList();
        var options = choices.Aggregate(EvaluationOptions.Default, (o, c) => o.WithReading(c.Name, c.Alternative));

        var report = Evaluate(file, options);

        var changed = Alternatives.Value[(readings, file)].ToList();
        var byDefault = Oracle.Value[file].ToList();
        byDefault.Should().NotBeEmpty("EXPECTED.md must have default rows for {0}", file);
        foreach (var row in changed)
        {
            var before = byDefault.Where(d => d.Provision == row.Provision && d.Facts == row.Facts).Should().ContainSingle("{0} {1} needs a default row", row.Provision, row.Facts).Subject;
            row.Should().NotBe(before, "the reading {0} should change {1} ({2})", readings, row.Provision, row.Facts);
        }

        var expected = byDefault.Where(d => !changed.Any(c => c.Provision == d.Provision && c.Facts == d.Facts)).Concat(changed).ToList();
        Actual(report).Should().BeEquivalentTo(expected, o => o.WithoutStrictOrdering(), string.Join(Environment.NewLine, report.Findings.Select(f => $"{f.ProvisionId} {f.Status}: {f.Reason}")));
        report.Readings.Select(r => r.Name).Should().Equal(Ordinance.Value.Ordinance.Readings.Select(r => r.Name));
        foreach (var applied in report.Readings)
        {
            var chosen = choices.Where(c => c.Name == applied.Name).Select(c => c.Alternative).FirstOrDefault();
            applied.Alternative.Should().Be(chosen ?? Ordinance.Value.Ordinance.Readings.Single(r => r.Name == applied.Name).Default);
            applied.IsDefault.Should().Be(chosen is null, "the report names {0} as used", applied.Name);
        }
    }

    [Fact]
    public void EveryAlternativeOfEveryReading_HasItsOwnScenarioWhoseOutcomeItChanges()
    {
        var readings = Ordinance.Value.Ordinance.Readings;
        readings.Select(r => r.Name).Should().BeEquivalentTo("p3-anchor", "p3-end", "p3-knowledge", "p3-completed-activity", "p2-judicial-warrant", "e2a-specificity", "rp-in-force");

        foreach (var reading in readings)
        {
            foreach (var alternative in reading.Alternatives.Where(a => a.Name != reading.Default))
            {
                Alternatives.Value.Should().Contain(
                    g => g.Key.Readings == $"{reading.Name}={alternative.Name}" && g.Key.File.StartsWith($"reading-{reading.Name}-", StringComparison.Ordinal),
                    "EXPECTED.md should list a reading-{0}-*.yaml scenario that {0}={1} changes", reading.Name, alternative.Name);
            }
        }
    }

    [Fact]
    public void Scenarios_TogetherReachEveryStatusOfEveryProvision()
    {
        var reached = ScenarioFiles()
            .SelectMany(file => (IEnumerable<Finding>)Evaluate(file).Findings)
            .Select(f => (f.ProvisionId, f.Status))
            .ToHashSet();

        var obligations = Ordinance.Value.Ordinance.Provisions.Where(p => p.Modality == OrdinanceRules.Model.Modality.Obligation).Select(p => p.Id).ToHashSet();
        foreach (var provision in new[] { "P1a", "P1b", "P2", "P3", "P4" })
        {
            var statuses = new List<FindingStatus> { FindingStatus.Violated, FindingStatus.Complied, FindingStatus.NotApplicable };
            if (provision is "P2" or "P3" or "P4")
            {
                statuses.Add(FindingStatus.ExceptionApplies);
            }

            if (provision is not "P4")
            {
                statuses.Add(FindingStatus.Undetermined);
            }

            if (obligations.Contains(provision))
            {
                statuses.Add(FindingStatus.Pending);
            }

            foreach (var status in statuses)
            {
                reached.Should().Contain((provision, status), "a bundled scenario should reach {0} {1}", provision, status);
            }
        }
    }

    private static string ShortUnknown(string unknown)
    {
        var match = UnknownPattern().Match(unknown);
        return match.Success ? $"{match.Groups["id"].Value}.{match.Groups["field"].Value}" : unknown;
    }

    /// <summary>
    /// The rows of EXPECTED.md's tables: the first under the default readings; the second, after its heading
    /// "Outcomes under other readings", with the readings used in a first column of its own.
    /// </summary>
    private static List<OracleRow> ReadOracle()
    {
        var rows = new List<OracleRow>();
        var underOtherReadings = false;
        foreach (var line in File.ReadLines(Repository.PathOf("samples", "scenarios", "roeland-park", "EXPECTED.md")))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                underOtherReadings = line.StartsWith("## Outcomes under other readings", StringComparison.Ordinal);
                continue;
            }

            var all = line.Split('|').Select(c => c.Trim()).ToArray();
            var readings = underOtherReadings && all.Length > 2 ? string.Join(", ", Choices(all[1]).Select(c => $"{c.Name}={c.Alternative}")) : string.Empty;
            var cells = underOtherReadings && all.Length > 2 ? [all[0], .. all[2..]] : all;
            if (cells.Length < 7 || !cells[1].StartsWith('`') || !cells[1].EndsWith(".yaml`", StringComparison.Ordinal) || (underOtherReadings && readings.Length == 0))
            {
                continue;
            }

            var file = cells[1].Trim('`');
            var status = Enum.Parse<FindingStatus>(StatusPattern().Match(cells[4]).Groups[1].Value);
            var extra = cells[5];
            var exceptions = string.Join(", ", ExceptionPattern().Matches(extra).Select(m => m.Groups[1].Value));
            var unknownsMatch = UnknownsPattern().Match(extra);
            var unknowns = unknownsMatch.Success ? (unknownsMatch.Groups["quoted"].Success ? unknownsMatch.Groups["quoted"] : unknownsMatch.Groups["ids"]).Value.Trim() : string.Empty;
            var dueMatch = DuePattern().Match(extra);
            DateTimeOffset? due = dueMatch.Success ? DateTimeOffset.Parse(dueMatch.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime() : null;
            if (cells[2].StartsWith("Others:", StringComparison.Ordinal))
            {
                foreach (var provision in cells[2]["Others:".Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    rows.Add(new OracleRow(readings, file, new Expected(provision, string.Empty, status, string.Empty, string.Empty, null)));
                }

                continue;
            }

            var facts = cells[3] == "—" ? string.Empty : string.Join(", ", cells[3].Split(',').Select(f => f.Trim().Trim('`')));
            rows.Add(new OracleRow(readings, file, new Expected(cells[2], facts, status, exceptions, unknowns, due)));
        }

        return rows;
    }

    /// <summary>One row of EXPECTED.md; <paramref name="Readings"/> is empty under the defaults, else <c>name=alternative, ...</c>.</summary>
    private sealed record OracleRow(string Readings, string File, Expected Row);

    public sealed record Expected(string Provision, string Facts, FindingStatus Status, string Exceptions, string Unknowns, DateTimeOffset? Due);

    [GeneratedRegex(@"^\w+ (?<id>\S+): (?<field>\w+)$")]
    private static partial Regex UnknownPattern();

    [GeneratedRegex(@"\*\*(\w+)\*\*")]
    private static partial Regex StatusPattern();

    [GeneratedRegex(@"\b(E[0-9][A-Za-z0-9-]*)\b")]
    private static partial Regex ExceptionPattern();

    /// <summary><c>unknowns: id.field, ...</c>, or one unknown that names no fact (the law in force) quoted in full: <c>unknowns: "..."</c>.</summary>
    [GeneratedRegex(@"unknowns: (?:""(?<quoted>[^""]+)""|(?<ids>[A-Za-z0-9_.\-, ]+?))(?: \(only\))?(?:;|$)")]
    private static partial Regex UnknownsPattern();

    [GeneratedRegex(@"due (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2})")]
    private static partial Regex DuePattern();
}
