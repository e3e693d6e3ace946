using System.Text.RegularExpressions;
using OrdinanceRules.Compilation;
using OrdinanceRules.Evaluation;

namespace OrdinanceRules.Yaml.Tests.Samples;

/// <summary>
/// Every bundled Roeland Park scenario, loaded from YAML and evaluated through NRules, against the oracle
/// in samples/scenarios/roeland-park/EXPECTED.md: the same findings, no more and no fewer.
/// </summary>
public partial class RoelandParkSampleTests
{
    private static readonly Lazy<CompiledOrdinance> Ordinance = new(() =>
        OrdinanceCompiler.Compile(OrdinanceYaml.LoadOrdinance(Repository.PathOf("samples", "ordinances", "roeland-park-ks.yaml")).GetValueOrThrow()));

    private static readonly Lazy<ILookup<string, Expected>> Oracle = new(ReadOracle);

    public static TheoryData<string> Scenarios() => new(ScenarioFiles());

    private static IEnumerable<string> ScenarioFiles() =>
        Directory.GetFiles(Repository.PathOf("samples", "scenarios", "roeland-park"), "*.yaml")
            .Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal);

    private static ComplianceReport Evaluate(string file) =>
        Ordinance.Value.Evaluate(OrdinanceYaml.LoadScenario(Repository.PathOf("samples", "scenarios", "roeland-park", file), Ordinance.Value.Ordinance).GetValueOrThrow());

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Evaluate_BundledScenario_MatchesTheOracle(string file)
    {
        var report = Evaluate(file);

        var expected = Oracle.Value[file].ToList();
        expected.Should().NotBeEmpty("EXPECTED.md must have rows for {0}", file);
        var actual = report.Findings.Select(f => new Expected(
            f.ProvisionId,
            string.Join(", ", f.Facts.Select(b => $"{b.Variable}={b.FactId}").ToArray()),
            f.Status,
            string.Join(", ", f.Exceptions.Select(e => e.Id).ToArray()),
            string.Join(", ", f.Unknowns.Select(u => ShortUnknown(u)).ToArray()),
            f.DueAt?.ToUniversalTime())).ToList();

        actual.Should().BeEquivalentTo(expected, options => options.WithoutStrictOrdering(), string.Join(Environment.NewLine, report.Findings.Select(f => $"{f.ProvisionId} {f.Status}: {f.Reason}")));
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

    private static ILookup<string, Expected> ReadOracle()
    {
        var rows = new List<(string File, Expected Row)>();
        foreach (var line in File.ReadLines(Repository.PathOf("samples", "scenarios", "roeland-park", "EXPECTED.md")))
        {
            var cells = line.Split('|').Select(c => c.Trim()).ToArray();
            if (cells.Length < 7 || !cells[1].StartsWith('`') || !cells[1].EndsWith(".yaml`", StringComparison.Ordinal))
            {
                continue;
            }

            var file = cells[1].Trim('`');
            var status = Enum.Parse<FindingStatus>(StatusPattern().Match(cells[4]).Groups[1].Value);
            var extra = cells[5];
            var exceptions = string.Join(", ", ExceptionPattern().Matches(extra).Select(m => m.Groups[1].Value));
            var unknownsMatch = UnknownsPattern().Match(extra);
            var unknowns = unknownsMatch.Success ? unknownsMatch.Groups[1].Value.Trim() : string.Empty;
            var dueMatch = DuePattern().Match(extra);
            DateTimeOffset? due = dueMatch.Success ? DateTimeOffset.Parse(dueMatch.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime() : null;
            if (cells[2].StartsWith("Others:", StringComparison.Ordinal))
            {
                foreach (var provision in cells[2]["Others:".Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    rows.Add((file, new Expected(provision, string.Empty, status, string.Empty, string.Empty, null)));
                }

                continue;
            }

            var facts = cells[3] == "—" ? string.Empty : string.Join(", ", cells[3].Split(',').Select(f => f.Trim().Trim('`')));
            rows.Add((file, new Expected(cells[2], facts, status, exceptions, unknowns, due)));
        }

        return rows.ToLookup(r => r.File, r => r.Row);
    }

    public sealed record Expected(string Provision, string Facts, FindingStatus Status, string Exceptions, string Unknowns, DateTimeOffset? Due);

    [GeneratedRegex(@"^\w+ (?<id>\S+): (?<field>\w+)$")]
    private static partial Regex UnknownPattern();

    [GeneratedRegex(@"\*\*(\w+)\*\*")]
    private static partial Regex StatusPattern();

    [GeneratedRegex(@"\b(E[0-9][A-Za-z0-9-]*)\b")]
    private static partial Regex ExceptionPattern();

    [GeneratedRegex(@"unknowns: ([A-Za-z0-9_.\-, ]+?)(?: \(only\))?(?:;|$)")]
    private static partial Regex UnknownsPattern();

    [GeneratedRegex(@"due (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2})")]
    private static partial Regex DuePattern();
}
