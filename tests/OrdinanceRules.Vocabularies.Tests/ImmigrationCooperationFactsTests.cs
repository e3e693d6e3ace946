using System.Reflection;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Facts;
using OrdinanceRules.Vocabulary;
using OrdinanceRules.Yaml;
using OrdinanceRules.Yaml.Tests.Samples;

namespace OrdinanceRules.Vocabularies.Tests;

/// <summary>
/// The typed fact methods: a scenario built in C# judges as its YAML twin does, and the methods stay in
/// step with the bundled vocabulary, one parameter a field.
/// </summary>
public class ImmigrationCooperationFactsTests
{
    private static readonly Lazy<CompiledOrdinance> RoelandPark = new(() =>
        OrdinanceCompiler.Compile(OrdinanceYaml.LoadOrdinance(Repository.PathOf("samples", "ordinances", "roeland-park-ks.yaml")).GetValueOrThrow()));

    private static readonly string[] ExtraParameters = ["builder", "id", "unknown", "fields"];

    private static ScenarioBuilder NewScenario() =>
        new(RoelandPark.Value.Ordinance.Vocabulary, RoelandPark.Value.Ordinance.Jurisdiction.TimeZone);

    private static ComplianceReport FromYaml(string file) =>
        RoelandPark.Value.Evaluate(OrdinanceYaml.LoadScenario(Repository.PathOf("samples", "scenarios", "roeland-park", file), RoelandPark.Value.Ordinance).GetValueOrThrow());

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Build_DetainerHoldInCode_GivesTheFindingsOfTheYamlScenario()
    {
        var scenario = NewScenario()
            .Named("RPPD holds a person past release on an ICE detainer")
            .AsOf(At("2021-06-10T12:00:00-05:00"))
            .Agency("RPPD", name: "Roeland Park Police Department", level: "city", component: "city-department", enforcesImmigration: false, isCityDepartment: true, jurisdiction: "Roeland Park, Kansas")
            .Agency("ICE-ERO", name: "ICE Enforcement and Removal Operations", level: "federal", component: "ice-ero", enforcesImmigration: true, jurisdiction: "United States")
            .Official("sgt-lee", name: "Sgt. Lee", agency: "RPPD", role: "supervisor", onDuty: true)
            .Person("per-1", name: "Person D", residentOf: "Roeland Park", citizenship: "non-us", immigrationStatus: "no-status", chargedAt: At("2021-05-31T21:00:00-05:00"), inCustodyOf: "RPPD", releaseEligibleAt: At("2021-06-01T16:00:00-05:00"))
            .Document("i200-1", type: "administrative-warrant-i200", issuerRole: "immigration-officer", issuingAgency: "ICE-ERO", issuedAt: At("2021-06-01T08:30:00-05:00"), subject: "per-1", basis: "civil-immigration", legallyCompels: false)
            .Document("det-1", type: "detainer-i247a", issuerRole: "immigration-officer", issuingAgency: "ICE-ERO", issuedAt: At("2021-06-01T08:30:00-05:00"), subject: "per-1", basis: "civil-immigration", legallyCompels: false, accompaniedBy: "i200-1")
            .Request("req-1", from: "ICE-ERO", to: "RPPD", receivedAt: At("2021-06-01T09:00:00-05:00"), channel: "fax", kind: "hold-custody", document: "det-1", subject: "per-1", statedPurpose: "civil-immigration")
            .Action("act-1", by: "sgt-lee", agency: "RPPD", kind: "continue-detention", start: At("2021-06-01T16:00:00-05:00"), end: At("2021-06-03T04:00:00-05:00"), inResponseTo: "req-1", beneficiary: "ICE-ERO", subject: "per-1", purposes: ["civil-immigration"], resources: ["personnel", "facilities"], voluntary: true)
            .Build();

        var report = RoelandPark.Value.Evaluate(scenario);

        report.Should().BeEquivalentTo(FromYaml("p2-detainer-hold-violated.yaml"));
        report.For("P2").Should().ContainSingle().Which.Status.Should().Be(FindingStatus.Violated);
    }

    [Fact]
    public void Build_UnknownThreatSpecificityInCode_GivesTheFindingsOfTheYamlScenario()
    {
        var scenario = NewScenario()
            .Named("RPPD backs up an ICE arrest on a vague weapon report")
            .AsOf(At("2021-07-15T12:00:00-05:00"))
            .Agency("RPPD", name: "Roeland Park Police Department", level: "city", component: "city-department", enforcesImmigration: false, isCityDepartment: true, jurisdiction: "Roeland Park, Kansas")
            .Agency("ICE-ERO", name: "ICE Enforcement and Removal Operations", level: "federal", component: "ice-ero", enforcesImmigration: true, jurisdiction: "United States")
            .Official("ofc-diaz", name: "Officer Diaz", agency: "RPPD", role: "sworn-officer", onDuty: true)
            .Request("req-1", from: "ICE-ERO", to: "RPPD", receivedAt: At("2021-07-08T06:05:00-05:00"), channel: "radio", kind: "on-site-backup", statedPurpose: "public-safety")
            .Action("act-1", by: "ofc-diaz", agency: "RPPD", kind: "on-site-backup", start: At("2021-07-08T06:20:00-05:00"), end: At("2021-07-08T07:00:00-05:00"), inResponseTo: "req-1", beneficiary: "ICE-ERO", purposes: ["civil-immigration", "public-safety"], resources: ["personnel", "vehicles"], voluntary: true)
            .Threat("t-1", description: "Neighbor reported a possible weapon; the report does not say what was seen", articulableFacts: true, startedAt: At("2021-07-08T06:00:00-05:00"), action: "act-1", assessedBy: "ofc-diaz", unknown: ["specificity", "imminent"])
            .Build();

        var report = RoelandPark.Value.Evaluate(scenario);

        report.Should().BeEquivalentTo(FromYaml("p2-threat-specificity-unknown-undetermined.yaml"));
        report.For("P2").Should().ContainSingle().Which.Status.Should().Be(FindingStatus.Undetermined);
    }

    [Fact]
    public void Build_ValueOutsideTheVocabulary_ReportsTheAllowedValues()
    {
        var builder = NewScenario()
            .Agency("ICE-ERO", level: "federal")
            .Agency("RPPD", level: "city")
            .Request("req-1", from: "ICE-ERO", to: "RPPD", kind: "hold");

        var build = () => builder.Build();

        build.Should().Throw<OrdinanceDiagnosticException>()
            .Which.Diagnostics.Should().ContainSingle()
            .Which.Message.Should().Contain("'req-1.kind' is 'hold'").And.Contain("hold-custody");
    }

    [Fact]
    public void Build_ReferenceToAMissingFact_IsADanglingReference()
    {
        var build = () => NewScenario().Official("ofc-1", agency: "RPPD").Build();

        build.Should().Throw<OrdinanceDiagnosticException>()
            .Which.Diagnostics.Should().ContainSingle()
            .Which.Code.Should().Be(DiagnosticCodes.DanglingReference);
    }

    [Fact]
    public void Threat_FieldBothGivenAndUnknown_Throws()
    {
        var add = () => NewScenario().Threat("t-1", specificity: "specific", unknown: ["specificity"]);

        add.Should().Throw<ArgumentException>().WithMessage("*'specificity' is given a value and is also listed as unknown*");
    }

    [Fact]
    public void Agency_FieldsCallback_SetsAFieldAnOrdinanceAdds()
    {
        var extended = StandardVocabularies.ImmigrationCooperation.Extend(
            "extended",
            [new FactType("agency", [new FieldDefinition("budgetCode", FieldType.Text)])],
            out var problems)!;
        problems.Should().BeEmpty();

        var scenario = new ScenarioBuilder(extended, "America/Chicago")
            .Agency("RPPD", level: "city", fields: f => f.Set("budgetCode", "PD-01"))
            .Build();

        scenario.FindFact("RPPD")!["budgetCode"].Value.Should().Be("PD-01");
        scenario.FindFact("RPPD")!["level"].Value.Should().Be("city");
    }

    [Fact]
    public void Methods_MatchTheBundledVocabulary_OneMethodATypeAndOneParameterAField()
    {
        var methods = typeof(ImmigrationCooperationFacts).GetMethods(BindingFlags.Public | BindingFlags.Static);
        var vocabulary = StandardVocabularies.ImmigrationCooperation;

        methods.Select(m => char.ToLowerInvariant(m.Name[0]) + m.Name[1..])
            .Should().BeEquivalentTo(vocabulary.Types.Select(t => t.Name), "every fact type has one method, and no method lacks a type");
        foreach (var method in methods)
        {
            var type = vocabulary.Types.Single(t => t.Name == char.ToLowerInvariant(method.Name[0]) + method.Name[1..]);
            var parameters = method.GetParameters().Where(p => !ExtraParameters.Contains(p.Name)).ToList();
            parameters.Select(p => p.Name).Should().Equal(type.Fields.Select(f => f.Name), "{0}'s parameters follow the fields of '{1}'", method.Name, type.Name);
            foreach (var (parameter, field) in parameters.Zip(type.Fields))
            {
                parameter.ParameterType.Should().Be(ClrTypeOf(field.Type.Kind), "{0}.{1} is {2}", type.Name, field.Name, field.Type);
                parameter.HasDefaultValue.Should().BeTrue();
            }
        }
    }

    private static Type ClrTypeOf(FieldKind kind) => kind switch
    {
        FieldKind.Text or FieldKind.Enumeration or FieldKind.Reference => typeof(string),
        FieldKind.YesNo => typeof(bool?),
        FieldKind.Number => typeof(decimal?),
        FieldKind.Instant => typeof(DateTimeOffset?),
        FieldKind.Duration => typeof(TimeSpan?),
        FieldKind.EnumerationSet => typeof(IEnumerable<string>),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
