
namespace OrdinanceRules.Tests.Evaluation;

public class ProhibitionTests
{
    private static ComplianceReport Evaluate(Action<OrdinanceRules.Facts.ScenarioBuilder> facts)
    {
        var builder = TestOrdinance.Scenario();
        facts(builder);
        return TestOrdinance.Compiled.Evaluate(builder.Build(), TestOrdinance.AsOf);
    }

    private static void SupportAct(OrdinanceRules.Facts.ScenarioBuilder b, string id = "a1") =>
        b.Fact("operation", "op1", f => f.Set("agency", "ICE-ERO").Set("status", "ongoing"))
         .Fact("action", id, f => f.Set("agency", "RPPD").Set("beneficiary", "ICE-ERO")
            .Set("purposes", new[] { "civil-immigration" }).Set("start", "2021-03-01T10:00:00-06:00").Set("operation", "op1"));

    [Fact]
    public void Evaluate_SupportWithNoException_IsViolated()
    {
        var report = Evaluate(b => SupportAct(b));

        var finding = report.For("P2").Should().ContainSingle().Subject;
        finding.Status.Should().Be(FindingStatus.Violated);
        finding.Citation.Should().Be("Roeland Park Ordinance 1, § 3(a)");
        finding.Facts.Should().ContainSingle().Which.Should().Be(new FactBinding("a", "action", "a1"));
        finding.Reason.Should().Contain("action a1").And.Contain("no exception applies");
        report.HasViolations.Should().BeTrue();
    }

    [Fact]
    public void Evaluate_ActWithCriminalPurpose_IsComplied()
    {
        var report = Evaluate(b => b
            .Fact("action", "a1", f => f.Set("agency", "RPPD").Set("beneficiary", "ICE-ERO")
                .Set("purposes", new[] { "criminal-other" }).Set("start", "2021-03-01T10:00:00-06:00")));

        report.For("P2").Should().ContainSingle().Which.Status.Should().Be(FindingStatus.Complied);
    }

    [Fact]
    public void Evaluate_ActByAnotherAgency_IsNotApplicable()
    {
        var report = Evaluate(b => b
            .Fact("action", "a1", f => f.Set("agency", "USCIS").Set("beneficiary", "ICE-ERO").Set("purposes", new[] { "civil-immigration" })));

        var finding = report.For("P2").Should().ContainSingle().Subject;
        finding.Status.Should().Be(FindingStatus.NotApplicable);
        finding.Facts.Should().ContainSingle();
    }

    [Fact]
    public void Evaluate_NoActs_IsOneNotApplicableFindingWithNoFacts()
    {
        var report = Evaluate(_ => { });

        var finding = report.For("P2").Should().ContainSingle().Subject;
        finding.Status.Should().Be(FindingStatus.NotApplicable);
        finding.Facts.Should().BeEmpty();
        finding.Reason.Should().Contain("Nothing in the scenario");
    }

    [Fact]
    public void Evaluate_SpecificThreatDuringAct_ExceptionApplies()
    {
        var report = Evaluate(b =>
        {
            SupportAct(b);
            b.Fact("threat", "t1", f => f.Set("specificity", "specific").Set("action", "a1")
                .Set("startedAt", "2021-03-01T09:00:00-06:00"));
        });

        var finding = report.For("P2").Should().ContainSingle().Subject;
        finding.Status.Should().Be(FindingStatus.ExceptionApplies);
        finding.Exceptions.Should().ContainSingle().Which.Id.Should().Be("E2a");
        finding.Exceptions[0].Facts.Should().ContainSingle().Which.FactId.Should().Be("t1");
        finding.Reason.Should().Contain("exception E2a (§ 3(b)(1), Specific threat to public safety) applies through threat t1");
    }

    [Fact]
    public void Evaluate_GeneralThreat_IsStillViolated()
    {
        var report = Evaluate(b =>
        {
            SupportAct(b);
            b.Fact("threat", "t1", f => f.Set("specificity", "general").Set("action", "a1").Set("startedAt", "2021-03-01T09:00:00-06:00"));
        });

        report.For("P2").Should().ContainSingle().Which.Status.Should().Be(FindingStatus.Violated);
    }

    [Fact]
    public void Evaluate_ThreatOfUnknownSpecificity_IsUndeterminedNamingIt()
    {
        var report = Evaluate(b =>
        {
            SupportAct(b);
            b.Fact("threat", "t1", f => f.Unknown("specificity").Set("action", "a1").Set("startedAt", "2021-03-01T09:00:00-06:00"));
        });

        var finding = report.For("P2").Should().ContainSingle().Subject;
        finding.Status.Should().Be(FindingStatus.Undetermined);
        finding.Unknowns.Should().Equal("threat t1: specificity");
    }

    [Fact]
    public void Evaluate_UnknownThreatButCrimeInProgress_UnknownDoesNotDecide()
    {
        var report = Evaluate(b =>
        {
            SupportAct(b);
            b.Fact("threat", "t1", f => f.Unknown("specificity").Set("action", "a1").Set("startedAt", "2021-03-01T09:00:00-06:00"));
            b.Fact("crime", "c1", f => f.Set("isCriminal", true).Set("operation", "op1").Set("startedAt", "2021-03-01T09:30:00-06:00"));
        });

        var finding = report.For("P2").Should().ContainSingle().Subject;
        finding.Status.Should().Be(FindingStatus.ExceptionApplies);
        finding.Exceptions.Select(e => e.Id).Should().Equal("E2b");
        finding.Unknowns.Should().BeEmpty();
    }

    [Fact]
    public void Evaluate_CrimeEndedBeforeAct_IsViolated()
    {
        var report = Evaluate(b =>
        {
            SupportAct(b);
            b.Fact("crime", "c1", f => f.Set("isCriminal", true).Set("operation", "op1")
                .Set("startedAt", "2021-03-01T08:00:00-06:00").Set("endedAt", "2021-03-01T09:00:00-06:00"));
        });

        report.For("P2").Should().ContainSingle().Which.Status.Should().Be(FindingStatus.Violated);
    }

    [Fact]
    public void Evaluate_UnknownPurposes_IsUndeterminedWhetherBreached()
    {
        var report = Evaluate(b => b
            .Fact("action", "a1", f => f.Set("agency", "RPPD").Set("beneficiary", "ICE-ERO").Unknown("purposes")));

        var finding = report.For("P2").Should().ContainSingle().Subject;
        finding.Status.Should().Be(FindingStatus.Undetermined);
        finding.Unknowns.Should().Equal("action a1: purposes");
    }

    [Fact]
    public void Evaluate_UnknownWhetherThreatsExist_IsUndetermined()
    {
        var report = Evaluate(b =>
        {
            SupportAct(b);
            b.UnknownWhetherAny("threat");
        });

        var finding = report.For("P2").Should().ContainSingle().Subject;
        finding.Status.Should().Be(FindingStatus.Undetermined);
        finding.Unknowns.Should().Equal("whether any further threat exists");
    }

    [Fact]
    public void Evaluate_TwoActs_TwoFindingsInIdOrder()
    {
        var report = Evaluate(b =>
        {
            SupportAct(b, "a2");
            b.Fact("action", "a1", f => f.Set("agency", "RPPD").Set("beneficiary", "ICE-ERO").Set("purposes", new[] { "criminal-other" }));
        });

        report.For("P2").Select(f => (f.Facts[0].FactId, f.Status)).Should().Equal(
            ("a1", FindingStatus.Complied),
            ("a2", FindingStatus.Violated));
    }
}
