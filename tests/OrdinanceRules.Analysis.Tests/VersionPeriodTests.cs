using Google.OrTools.Sat;
using NodaTime;
using OrdinanceRules.Analysis.Encoding;
using OrdinanceRules.Yaml;

namespace OrdinanceRules.Analysis.Tests;

/// <summary>
/// The time of law of a provision with versions, checked period by period: for every provision with versions (the
/// bundled Chicago file and the seeded one), every status and every stretch of time its versions' days cut (before the
/// first, each version, a gap, after the last, and an event time that is unknown), the solver is asked for a scenario
/// with the event in that stretch and that status, and the compiled rules must give the status claimed.
/// </summary>
public class VersionPeriodTests
{
    public static TheoryData<string> Files => ["chicago-il.yaml", "seeded-versions.yaml"];

    [Theory]
    [MemberData(nameof(Files))]
    public void Analyze_EveryStatusInEveryVersionsPeriod_IsTheStatusTheRulesGive(string file)
    {
        var ordinance = file.StartsWith("seeded", StringComparison.Ordinal)
            ? OrdinanceYaml.LoadOrdinance(Path.Combine(AppContext.BaseDirectory, "TestData", file)).GetValueOrThrow()
            : BundledOrdinances.Load(file);
        var compiled = OrdinanceCompiler.Compile(ordinance);
        var options = AnalysisOptions.Default;
        var nodes = OrdinanceAnalyzer.Bind(ordinance, [], out var laws);
        var readings = OrdinanceAnalyzer.Readings(laws, options);
        var byId = OrdinanceAnalyzer.ById(nodes);
        var mismatches = new List<string>();
        var found = 0;

        foreach (var node in nodes.Where(n => !n.Versions.IsEmpty && ProvisionModel.WhyNotAnalysed(n, byId, readings, options.FactsPerType).IsEmpty))
        {
            var zone = DateTimeZoneProviders.Tzdb[node.Law.Jurisdiction.TimeZone];
            long Minutes(DateOnly day) => ConditionEncoder.StartOfDay(zone, LocalDate.FromDateOnly(day));
            var days = node.Versions.SelectMany(v => new[] { v.Model.From, v.Until }).OfType<DateOnly>().Select(Minutes).Distinct().Order().ToList();
            List<(long From, long Until)?> stretches = [null];
            stretches.AddRange(days.Prepend(0L).Zip(days.Append(Shape.MaxMinutes + 1)).Select(p => ((long From, long Until)?)(p.First, p.Second)));
            for (var status = 0; status < ProvisionModel.Statuses.Length; status++)
            {
                foreach (var stretch in stretches)
                {
                    var model = new ProvisionModel(node, byId, readings, options.FactsPerType);
                    var sat = model.Sat;
                    var time = model.EventTime!;
                    sat.Require(model.NoFinding.Not());
                    sat.Require(model.StatusLits[status]);
                    sat.Require(stretch is { } s
                        ? sat.And(time.Known, sat.Less(Num.Of(s.From), time.Value, strict: false), sat.Less(time.Value, Num.Of(s.Until), strict: true))
                        : time.Known.Not());
                    var (solved, solver) = OrdinanceAnalyzer.SolveMinimal(sat, model.Shape, options);
                    if (solved is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
                    {
                        continue;
                    }

                    found++;
                    var witness = new Witness(node.Id, model.Decode(solver, $"{node.Id} {ProvisionModel.Statuses[status]}", OrdinanceAnalyzer.AsOf), model.FactsOf(solver), model.StatusOf(solver), readings);
                    var actual = BundledOrdinances.Actual(compiled, witness);
                    if (actual != witness.Status.ToString())
                    {
                        mismatches.Add($"{BundledOrdinances.Describe(witness)} -> actual {actual}");
                    }
                }
            }
        }

        mismatches.Should().BeEmpty();
        found.Should().BePositive();
    }
}
