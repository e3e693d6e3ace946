using System.Text.RegularExpressions;
using CsCheck;
using OrdinanceRules.Explanations;
using OrdinanceRules.Facts;
using OrdinanceRules.Vocabulary;
using OrdinanceRules.Yaml.Tests.Robustness;

namespace OrdinanceRules.Yaml.Tests.Properties;

/// <summary>
/// Properties of evaluation over the bundled scenarios, checked with CsCheck (a failure prints its seed):
/// what-if's predictions come true, evaluation is deterministic and blind to the order of facts in the file,
/// a scenario with every unknown made known is never undetermined on a fact's account, and a scenario written back
/// as YAML reads into the same report.
/// </summary>
public partial class ScenarioPropertyTests
{
    private static readonly IReadOnlyList<(string Scenario, string Ordinance)> All = BundledSamples.Scenarios;

    private static readonly Gen<(string Scenario, string Ordinance)> AnyScenario = Gen.Int[0, All.Count - 1].Select(i => All[i]);

    [Fact]
    public void WhatIf_UndeterminedFinding_TakesEachPredictedStatusWhenItsUnknownIsSet()
    {
        var undetermined = All.Where(s => Path.GetFileName(s.Scenario).Contains("undetermined", StringComparison.Ordinal)).ToList();
        undetermined.Should().NotBeEmpty();
        Gen.Int[0, undetermined.Count - 1].Sample(
            i =>
            {
                var (path, ordinancePath) = undetermined[i];
                var ordinance = BundledSamples.Compile(ordinancePath);
                var scenario = BundledSamples.Load(path, ordinancePath);
                var asOf = scenario.AsOf!.Value;
                foreach (var unknown in WhatIf.Unknowns(ordinance, scenario, asOf).Where(u => u.FactId is not null))
                {
                    foreach (var tried in unknown.Tried)
                    {
                        // Set through the file, not through what-if's own edit: the value written where 'unknown' was.
                        var yaml = SetInYaml(OrdinanceYaml.WriteScenario(scenario), unknown.FactId!, unknown.Field!, tried.Value);
                        var report = ordinance.Evaluate(OrdinanceYaml.ParseScenario(yaml, path, ordinance.Ordinance).GetValueOrThrow(), asOf);
                        var after = report.Findings.SingleOrDefault(f => f.ProvisionId == unknown.Finding.ProvisionId && f.Facts.SequenceEqual(unknown.Finding.Facts));
                        after?.Status.Should().Be(tried.After?.Status, "{0}: {1}={2}", Path.GetFileName(path), unknown.Unknown, tried.Value);
                    }
                }
            },
            iter: undetermined.Count * 2);
    }

    [Fact]
    public void Evaluate_FactsInAnyOrder_GivesTheSameReportEveryTime()
    {
        Gen.Select(AnyScenario, Gen.Int).Sample(
            (sample, shuffleSeed) =>
            {
                var ordinance = BundledSamples.Compile(sample.Ordinance);
                var text = File.ReadAllText(sample.Scenario);
                var expected = BundledSamples.Canonical(ordinance.Evaluate(BundledSamples.Load(sample.Scenario, sample.Ordinance)));

                var shuffled = ShuffleFacts(text, new Random(shuffleSeed));
                var again = OrdinanceYaml.ParseScenario(shuffled, sample.Scenario, ordinance.Ordinance).GetValueOrThrow();

                BundledSamples.Canonical(ordinance.Evaluate(again)).Should().Be(expected, "the facts of {0} were only reordered", Path.GetFileName(sample.Scenario));
                BundledSamples.Canonical(ordinance.Evaluate(again)).Should().Be(expected, "an evaluation is deterministic");
            },
            iter: 40);
    }

    [Fact]
    public void Evaluate_EveryUnknownMadeKnown_IsNeverUndeterminedOnAFactsAccount()
    {
        Gen.Select(AnyScenario, Gen.Int).Sample(
            (sample, valueSeed) =>
            {
                var ordinance = BundledSamples.Compile(sample.Ordinance);
                var scenario = BundledSamples.Load(sample.Scenario, sample.Ordinance);
                var random = new Random(valueSeed);
                var yaml = OrdinanceYaml.WriteScenario(scenario);
                foreach (var fact in scenario.Facts)
                {
                    foreach (var field in fact.Type.Fields.Where(f => fact[f.Name].State == ValueState.Unknown
                        || (fact[f.Name].State == ValueState.Absent && f is { Type.Kind: FieldKind.YesNo, Default: null })))
                    {
                        yaml = SetInYaml(yaml, fact.Id, field.Name, KnownValue(field, scenario, random));
                    }
                }

                yaml = UnknownTypes().Replace(yaml, string.Empty);
                var known = OrdinanceYaml.ParseScenario(yaml, sample.Scenario, ordinance.Ordinance).GetValueOrThrow();
                var report = ordinance.Evaluate(known);

                // What the law leaves open (an amendment's unknown text, a calendar's uncovered year) is not the scenario's to settle.
                report.Findings.Where(f => f.Status == FindingStatus.Undetermined)
                    .Should().NotContain(f => f.Unknowns.Any(u => known.Facts.Any(x => u.StartsWith($"{x.Type.Name} {x.Id}", StringComparison.Ordinal)) || u.Contains("further", StringComparison.Ordinal)),
                        "{0} has every unknown value replaced by a known one", Path.GetFileName(sample.Scenario));
            },
            iter: 40);
    }

    [Fact]
    public void WriteScenario_ReadBack_GivesTheSameReport()
    {
        foreach (var (path, ordinancePath) in All)
        {
            var ordinance = BundledSamples.Compile(ordinancePath);
            var scenario = BundledSamples.Load(path, ordinancePath);

            var written = OrdinanceYaml.WriteScenario(scenario);
            var read = OrdinanceYaml.ParseScenario(written, path, ordinance.Ordinance);

            read.Diagnostics.Should().BeEmpty(Path.GetFileName(path));
            BundledSamples.Canonical(ordinance.Evaluate(read.Value!)).Should().Be(BundledSamples.Canonical(ordinance.Evaluate(scenario)), Path.GetFileName(path));
            OrdinanceYaml.WriteScenario(read.Value!).Should().Be(written, "writing is stable");
        }
    }

    /// <summary>The YAML with one field of one fact set (added when the fact does not state it).</summary>
    private static string SetInYaml(string yaml, string factId, string field, string value)
    {
        var lines = yaml.Split('\n').ToList();
        var start = lines.FindIndex(l => l.StartsWith("  - ", StringComparison.Ordinal) && l.EndsWith($": \"{factId}\"", StringComparison.Ordinal));
        var end = lines.FindIndex(start + 1, l => !l.StartsWith("    ", StringComparison.Ordinal));
        var text = Regex.IsMatch(value, "^[0-9]+(\\.[0-9]+)?$|^(yes|no)$|^\\[") ? value : $"\"{value}\"";
        var at = lines.FindIndex(start + 1, end - start - 1, l => l.StartsWith($"    {field}: ", StringComparison.Ordinal));
        if (at >= 0)
        {
            lines[at] = $"    {field}: {text}";
        }
        else
        {
            lines.Insert(end, $"    {field}: {text}");
        }

        return string.Join('\n', lines);
    }

    /// <summary>A known value for a field, chosen at random among those it takes.</summary>
    private static string KnownValue(FieldDefinition field, Scenario scenario, Random random) => field.Type.Kind switch
    {
        FieldKind.YesNo => random.Next(2) == 0 ? "yes" : "no",
        FieldKind.Enumeration => field.Type.Values[random.Next(field.Type.Values.Length)],
        FieldKind.Number => random.Next(100).ToString(System.Globalization.CultureInfo.InvariantCulture),
        FieldKind.Duration => $"{random.Next(1, 72)}h",
        FieldKind.Instant => (scenario.AsOf ?? new DateTimeOffset(2021, 6, 1, 0, 0, 0, TimeSpan.Zero)).AddHours(-random.Next(1, 200)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
        FieldKind.Reference => scenario.Facts.Where(f => f.Type.Name == field.Type.ReferencedType).Select(f => f.Id).DefaultIfEmpty("none").ElementAt(0),
        FieldKind.EnumerationSet => $"[\"{field.Type.Values[random.Next(field.Type.Values.Length)]}\"]",
        _ => "known",
    };

    /// <summary>The scenario file with its facts in another order; comments and everything else kept.</summary>
    private static string ShuffleFacts(string text, Random random)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var first = Array.FindIndex(lines, l => l.StartsWith("facts:", StringComparison.Ordinal));
        var last = Array.FindIndex(lines, first + 1, l => l.Length > 0 && !l.StartsWith(' ') && !l.StartsWith('#'));
        last = last < 0 ? lines.Length : last;
        var facts = new List<List<string>>();
        for (var i = first + 1; i < last; i++)
        {
            if (lines[i].StartsWith("  - ", StringComparison.Ordinal) || facts.Count == 0)
            {
                facts.Add([]);
            }

            facts[^1].Add(lines[i]);
        }

        var shuffled = facts.OrderBy(_ => random.Next()).SelectMany(f => f);
        return string.Join('\n', lines.Take(first + 1).Concat(shuffled).Concat(lines.Skip(last)));
    }

    [GeneratedRegex("^unknown: .*$", RegexOptions.Multiline)]
    private static partial Regex UnknownTypes();
}
