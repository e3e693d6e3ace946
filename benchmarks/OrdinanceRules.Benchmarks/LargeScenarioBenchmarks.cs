using BenchmarkDotNet.Attributes;
using OrdinanceRules.Compilation;
using OrdinanceRules.Evaluation;
using OrdinanceRules.Facts;
using OrdinanceRules.Vocabularies;

namespace OrdinanceRules.Benchmarks;

/// <summary>
/// Evaluating a generated scenario with many actions against the compiled Roeland Park ordinance: each action
/// answers its own ICE request, a third of them for a criminal purpose, one in ten with a threat at the scene.
/// </summary>
[MemoryDiagnoser]
public class LargeScenarioBenchmarks
{
    private static readonly DateTimeOffset Start = new(2021, 6, 1, 8, 0, 0, TimeSpan.FromHours(-5));

    private CompiledOrdinance _ordinance = null!;
    private Scenario _scenario = null!;

    /// <summary>How many actions (and requests) the scenario has.</summary>
    [Params(100, 1_000)]
    public int Actions { get; set; }

    /// <summary>Compiles the ordinance and builds the scenario once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _ordinance = RoelandPark.Compile();
        _scenario = Build(_ordinance, Actions);
    }

    /// <summary>One evaluation of the whole scenario.</summary>
    /// <returns>The report.</returns>
    [Benchmark]
    public ComplianceReport EvaluateLargeScenario() => _ordinance.Evaluate(_scenario, Start.AddDays(30));

    /// <summary>Builds a scenario of <paramref name="actions"/> actions, each answering its own request.</summary>
    /// <param name="ordinance">The compiled ordinance, whose vocabulary and zone the scenario uses.</param>
    /// <param name="actions">How many actions.</param>
    /// <returns>The scenario.</returns>
    public static Scenario Build(CompiledOrdinance ordinance, int actions)
    {
        ArgumentNullException.ThrowIfNull(ordinance);
        var builder = new ScenarioBuilder(ordinance.Ordinance.Vocabulary, ordinance.Ordinance.Jurisdiction.TimeZone)
            .Named($"{actions} actions")
            .Agency("RPPD", level: "city", component: "city-department", isCityDepartment: true)
            .Agency("ICE-ERO", level: "federal", component: "ice-ero", enforcesImmigration: true);
        for (var o = 0; o < 10; o++)
        {
            builder.Official($"ofc-{o}", agency: "RPPD", role: "sworn-officer", onDuty: true);
        }

        for (var i = 0; i < actions; i++)
        {
            var at = Start.AddMinutes(30 * i);
            builder
                .Request($"req-{i}", from: "ICE-ERO", to: "RPPD", kind: i % 2 == 0 ? "on-site-backup" : "transport", receivedAt: at, statedPurpose: "civil-immigration")
                .Action(
                    $"act-{i}",
                    by: $"ofc-{i % 10}",
                    agency: "RPPD",
                    kind: i % 2 == 0 ? "on-site-backup" : "transport",
                    start: at.AddMinutes(10),
                    end: at.AddMinutes(40),
                    inResponseTo: $"req-{i}",
                    beneficiary: "ICE-ERO",
                    purposes: i % 3 == 0 ? ["criminal-other"] : ["civil-immigration"],
                    resources: ["personnel", "vehicles"],
                    voluntary: i % 4 != 0);
            if (i % 10 == 0)
            {
                builder.Threat($"t-{i}", specificity: "specific", articulableFacts: true, startedAt: at, action: $"act-{i}", assessedBy: $"ofc-{i % 10}");
            }
        }

        return builder.Build();
    }
}
