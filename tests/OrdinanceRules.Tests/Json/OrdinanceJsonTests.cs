using System.Text.Json;
using OrdinanceRules.Facts;
using OrdinanceRules.Json;
using OrdinanceRules.Suites;

namespace OrdinanceRules.Tests.Json;

public class OrdinanceJsonTests
{
    private static ScenarioBuilder Support(ScenarioBuilder b, bool threatFirst) =>
        threatFirst
            ? b.Fact("threat", "t1", f => f.Unknown("specificity").Set("action", "a1").Set("startedAt", "2021-03-01T08:00:00-06:00").Set("endedAt", "2021-03-01T11:00:00-06:00"))
               .Fact("action", "a1", f => f.Set("agency", "RPPD").Set("beneficiary", "ICE-ERO").Set("purposes", new[] { "criminal-immigration", "civil-immigration" }).Set("start", "2021-03-01T10:00:00-06:00"))
            : b.Fact("action", "a1", f => f.Set("start", "2021-03-01T16:00:00Z").Set("purposes", new[] { "civil-immigration", "criminal-immigration" }).Set("beneficiary", "ICE-ERO").Set("agency", "RPPD"))
               .Fact("threat", "t1", f => f.Set("endedAt", "2021-03-01T17:00:00Z").Set("startedAt", "2021-03-01T14:00:00Z").Set("action", "a1").Unknown("specificity"));

    private static ComplianceReport Evaluate(bool threatFirst = false) =>
        TestOrdinance.Compiled.Evaluate(Support(TestOrdinance.Scenario(), threatFirst).Build(), TestOrdinance.AsOf);

    [Fact]
    public void Write_Reports_CarriesSchemaVersionAndStatusWords()
    {
        var json = OrdinanceJson.Write(OrdinanceJson.Reports([Evaluate()]));

        using var document = JsonDocument.Parse(json);
        document.RootElement.GetProperty("schemaVersion").GetInt32().Should().Be(OrdinanceJson.SchemaVersion);
        var findings = document.RootElement.GetProperty("reports")[0].GetProperty("findings").EnumerateArray().ToList();
        findings.Select(f => f.GetProperty("status").GetString()).Should().OnlyContain(s => s == "undetermined" || s == "not-applicable");
        findings.Select(f => f.GetProperty("modality").GetString()).Should().Contain("prohibition");
    }

    [Fact]
    public void Word_EveryStatus_IsTheWordSuitesParse_AndANonStatusIsRefused()
    {
        var words = Enum.GetValues<FindingStatus>().Select(OrdinanceJson.Word).ToList();

        words.Should().Equal(StatusWords.All).And.Equal("violated", "complied", "exception-applies", "not-applicable", "pending", "undetermined");
        words.Select(w => StatusWords.TryParse(w, out var status) ? status : (FindingStatus?)null).Should().Equal(Enum.GetValues<FindingStatus>().Cast<FindingStatus?>());
        FluentActions.Invoking(() => OrdinanceJson.Word((FindingStatus)99)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("status");
    }

    [Fact]
    public void Write_Instants_AreIso8601WithTheOffset()
    {
        var json = OrdinanceJson.Write(OrdinanceJson.Reports([Evaluate()]));

        using var document = JsonDocument.Parse(json);
        document.RootElement.GetProperty("reports")[0].GetProperty("asOf").GetString().Should().Be("2021-06-01T12:00:00-05:00");
    }

    [Fact]
    public void Read_WrittenReports_GivesTheSameDocument()
    {
        var written = OrdinanceJson.Reports([Evaluate()]);

        var read = OrdinanceJson.Read<ReportsDocument>(OrdinanceJson.Write(written));

        OrdinanceJson.Write(read).Should().Be(OrdinanceJson.Write(written));
        read.Reports[0].Findings.Should().HaveCount(written.Reports[0].Findings.Length);
    }

    [Fact]
    public void Read_DocumentWithoutARequiredProperty_Throws()
    {
        var act = () => OrdinanceJson.Read<ReportsDocument>("""{"schemaVersion": 1}""");

        act.Should().Throw<JsonException>();
    }

    [Fact]
    public void Decision_ReportOfACodeBuiltOrdinance_HasNoContentHashButAnInputDigest()
    {
        var decision = OrdinanceJson.Decision(Evaluate());

        decision.ContentHash.Should().BeNull();
        decision.InputDigest.Should().MatchRegex("^sha256:[0-9a-f]{64}$");
        decision.ToolVersion.Should().NotBeNullOrWhiteSpace().And.Be(OrdinanceJson.ToolVersion);
        decision.AsOf.Should().Be(TestOrdinance.AsOf);
        decision.Outcomes.Should().Contain(o => o.Provision == "P2" && o.Status == "undetermined" && o.Facts.SequenceEqual(new[] { "a1" }));
    }

    [Fact]
    public void InputDigest_SameFactsInAnotherOrderAndWording_IsTheSame()
    {
        Evaluate(threatFirst: true).InputDigest.Should().Be(Evaluate(threatFirst: false).InputDigest);
    }

    [Fact]
    public void InputDigest_OneValueChanged_Differs()
    {
        var changed = TestOrdinance.Compiled.Evaluate(
            Support(TestOrdinance.Scenario(), threatFirst: false).Fact("agency", "X", f => f.Set("level", "city")).Build(),
            TestOrdinance.AsOf);

        changed.InputDigest.Should().NotBe(Evaluate().InputDigest);
    }

    [Fact]
    public void Explanations_ExplainedReport_MapsEachTreeWithStatusWords()
    {
        var report = TestOrdinance.Compiled.Evaluate(Support(TestOrdinance.Scenario(), false).Build(), TestOrdinance.AsOf, new EvaluationOptions { Explain = true });

        var document = OrdinanceJson.Explanations(report, ["P2"]);

        var explanation = document.Explanations.Should().ContainSingle().Subject;
        explanation.Finding.Provision.Should().Be("P2");
        explanation.Tree.Status.Should().BeOneOf("info", "held", "failed", "unknown", "defeated");
        explanation.Tree.Children.Should().NotBeEmpty();
    }

    [Fact]
    public void Unknowns_UndeterminedFinding_ListsEachValueTried()
    {
        var scenario = Support(TestOrdinance.Scenario(), false).Build();
        var report = TestOrdinance.Compiled.Evaluate(scenario, TestOrdinance.AsOf);

        var document = OrdinanceJson.Unknowns(report, OrdinanceRules.Explanations.WhatIf.Unknowns(TestOrdinance.Compiled, scenario, TestOrdinance.AsOf));

        var unknown = document.Unknowns!.Value.Should().ContainSingle().Subject;
        unknown.Fact.Should().Be("t1");
        unknown.Field.Should().Be("specificity");
        unknown.Tried.Select(t => t.Value).Should().Equal("specific", "general");
        document.Changes.Should().BeNull();
    }

    [Fact]
    public void Word_EveryStatus_IsKebabCase()
    {
        Enum.GetValues<FindingStatus>().Select(OrdinanceJson.Word).Should()
            .Equal("violated", "complied", "exception-applies", "not-applicable", "pending", "undetermined");
    }
}
