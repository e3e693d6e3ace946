using OrdinanceRules.Facts;
using OrdinanceRules.Vocabularies;
using OrdinanceRules.Yaml.Tests.Samples;

namespace OrdinanceRules.Yaml.Tests.Robustness;

/// <summary>
/// The combination budget (OR3101) counts the joins the compiled network makes: a variable found by following a
/// reference (P1a's <c>a.inResponseTo == r</c>, P3's <c>k.operation == o</c>) does not multiply the combinations, so a
/// scenario of many actions, each answering its own request, is evaluated, not refused. 1,200 actions and 1,200
/// requests were 1,440,000 combinations for P1a under the budget's former count of every pair (the limit is 1,000,000).
/// </summary>
public class LargeScenarioTests
{
    private static readonly DateTimeOffset Start = new(2021, 6, 1, 8, 0, 0, TimeSpan.FromHours(-5));

    [Fact]
    public void TryEvaluate_ManyActionsEachAnsweringItsRequest_IsNotRefusedAndJudgesEveryAction()
    {
        const int Actions = 1_200;
        var compiled = OrdinanceCompiler.Compile(OrdinanceYaml.LoadOrdinance(Repository.PathOf("samples", "ordinances", "roeland-park-ks.yaml")).GetValueOrThrow());

        var result = compiled.TryEvaluate(Build(compiled, Actions), Start.AddDays(400), null);

        result.Diagnostics.Should().BeEmpty();
        var findings = result.GetValueOrThrow().Findings;
        findings.Where(f => f.ProvisionId == "P2").Should().HaveCount(Actions);
        findings.Where(f => f.ProvisionId == "P1a").Should().HaveCount(Actions).And.OnlyContain(f => f.Facts.Length == 2);
        findings.Where(f => f.ProvisionId == "P3").Should().HaveCount(Actions / 10);
    }

    /// <summary>Actions each answering its own ICE request; one operation per ten actions, RPPD told of each, every other one alerted.</summary>
    private static Scenario Build(CompiledOrdinance compiled, int actions)
    {
        var builder = new ScenarioBuilder(compiled.Ordinance.Vocabulary, compiled.Ordinance.Jurisdiction.TimeZone)
            .Named($"{actions} actions")
            .Agency("RPPD", level: "city", component: "city-department", isCityDepartment: true)
            .Agency("ICE-ERO", level: "federal", component: "ice-ero", enforcesImmigration: true)
            .Official("ofc-1", agency: "RPPD", role: "sworn-officer", onDuty: true);
        for (var i = 0; i < actions; i++)
        {
            var at = Start.AddMinutes(30 * i);
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
            }

            builder
                .Request($"req-{i}", from: "ICE-ERO", to: "RPPD", kind: "transport", receivedAt: at, statedPurpose: "civil-immigration")
                .Action($"act-{i}", by: "ofc-1", agency: "RPPD", kind: "transport", start: at.AddMinutes(10), end: at.AddMinutes(40), inResponseTo: $"req-{i}",
                    beneficiary: "ICE-ERO", purposes: ["civil-immigration"], resources: ["vehicles"], voluntary: i % 4 != 0);
        }

        return builder.Build();
    }
}
