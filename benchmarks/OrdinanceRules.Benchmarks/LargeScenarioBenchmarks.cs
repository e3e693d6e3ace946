using BenchmarkDotNet.Attributes;
using OrdinanceRules.Facts;
using OrdinanceRules.Vocabularies;

namespace OrdinanceRules.Benchmarks;

/// <summary>
/// Evaluating a generated scenario with many actions against the compiled Roeland Park ordinance: each action
/// answers its own ICE request, a third of them for a criminal purpose, one in ten with a threat at the scene;
/// one ICE operation per ten actions (three of them take part in it), RPPD told of each, every other one alerted
/// publicly, one in four with a connected crime. The hand-coded loop over the same facts is measured beside it.
/// </summary>
[MemoryDiagnoser]
public class LargeScenarioBenchmarks
{
    private static readonly DateTimeOffset Start = new(2021, 6, 1, 8, 0, 0, TimeSpan.FromHours(-5));

    private CompiledOrdinance _ordinance = null!;
    private Scenario _scenario = null!;
    private HandWritten.HandScenario _hand = null!;

    /// <summary>How many actions (and requests) the scenario has.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Actions { get; set; }

    /// <summary>
    /// The sizes measured: 100, 300, 1,000, 3,000 and 10,000 actions, or the comma-separated list in the environment
    /// variable ORDINANCE_BENCH_ACTIONS (BenchmarkDotNet cannot filter by parameter).
    /// </summary>
    public static IEnumerable<int> Sizes =>
        Environment.GetEnvironmentVariable("ORDINANCE_BENCH_ACTIONS") is { Length: > 0 } sizes
            ? sizes.Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))
            : [100, 300, 1_000, 3_000, 10_000];

    /// <summary>Compiles the ordinance and builds the scenario once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _ordinance = RoelandPark.Compile();
        _scenario = Build(_ordinance, Actions);
        _hand = HandWritten.HandScenario.From(_scenario, Start.AddDays(30));
        if (Actions <= 1_000)
        {
            // Like with like: the loop gives the library's P2 and P3 statuses on the generated scenario.
            var ours = HandWritten.Equivalence.Ours(EvaluateLargeScenario());
            if (!HandWritten.Equivalence.Sorted(HandLoopLargeScenario()).SequenceEqual(ours))
            {
                throw new InvalidOperationException($"The hand-coded loop disagrees with the library on the {Actions}-action scenario.");
            }
        }
    }

    /// <summary>One evaluation of the whole scenario.</summary>
    /// <returns>The report.</returns>
    [Benchmark]
    public ComplianceReport EvaluateLargeScenario() => _ordinance.Evaluate(_scenario, Start.AddDays(30));

    /// <summary>P2 and P3 of the same scenario by the hand-coded loop.</summary>
    /// <returns>The findings.</returns>
    [Benchmark]
    public List<HandWritten.HandFinding> HandLoopLargeScenario() => HandWritten.P2P3.Loop(_hand);

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
            var operation = i % 10 is >= 1 and <= 3 ? $"op-{i / 10}" : null;
            if (i % 10 == 0)
            {
                var j = i / 10;
                builder
                    .Operation($"op-{j}", agency: "ICE-ERO", kind: "arrest", insideCityLimits: true, plannedStart: at.AddHours(30))
                    .Awareness($"k-{j}", agency: "RPPD", operation: $"op-{j}", receivedAt: at);
                if (j % 2 == 0)
                {
                    builder.Notice($"n-{j}", issuer: "RPPD", issuedAt: at.AddHours(2), audience: "public", channel: "city-website", operation: $"op-{j}");
                }

                if (j % 4 == 1)
                {
                    builder.Crime($"c-{j}", isCriminal: true, statusOffense: false, startedAt: at.AddHours(-1), connectedTo: $"op-{j}");
                }
            }

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
                    operation: operation,
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
