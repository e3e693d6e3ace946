using OrdinanceRules.Facts;
using OrdinanceRules.Model;

namespace OrdinanceRules.Tests.Evaluation;

/// <summary>Outcomes where an unknown does not decide: the rules weigh what is certain first.</summary>
public class KleeneOutcomeTests
{
    private static ScenarioBuilder SupportAct(Action<FactBuilder>? extra = null) => TestOrdinance.Scenario()
        .Fact("operation", "op1", f => f.Set("agency", "ICE-ERO").Set("status", "ongoing"))
        .Fact("action", "a1", f =>
        {
            f.Set("agency", "RPPD").Set("beneficiary", "ICE-ERO").Set("start", "2021-03-01T10:00:00-06:00").Set("operation", "op1");
            if (extra is null)
            {
                f.Set("purposes", new[] { "civil-immigration" });
            }
            else
            {
                extra(f);
            }
        });

    [Fact]
    public void Evaluate_BreachUnknownButExceptionHolds_ExceptionAppliesEitherWay()
    {
        var builder = SupportAct(f => f.Unknown("purposes"))
            .Fact("crime", "c1", f => f.Set("isCriminal", true).Set("operation", "op1").Set("startedAt", "2021-03-01T09:00:00-06:00"));

        var finding = TestOrdinance.Compiled.Evaluate(builder.Build(), TestOrdinance.AsOf).For("P2").Should().ContainSingle().Subject;

        finding.Status.Should().Be(FindingStatus.ExceptionApplies);
        finding.Unknowns.Should().BeEmpty();
        finding.Reason.Should().Contain("is unknown, but exception E2b").And.Contain("either way");
    }

    [Fact]
    public void Evaluate_ExceptionUnknownButItsOwnExceptionCertain_BaseRuleViolated()
    {
        var nested = OrdinanceCompiler.Compile(TestOrdinance.Create(TestOrdinance.NoSupport with
        {
            Exceptions =
            [
                new ProvisionException
                {
                    Id = "E2a",
                    Section = "§ 3(b)(1)",
                    Title = "Specific threat",
                    When = new FactTest([new Binding("t", "threat")], "t.action == a and t.specificity == 'specific'"),
                    Exceptions =
                    [
                        new ProvisionException { Id = "E2a-1", Section = "§ 3(c)", Title = "Threat over before the act", When = FactTest.Of("t.endedAt < a.start") },
                    ],
                },
            ],
        }));
        var builder = SupportAct()
            .Fact("threat", "t1", f => f.Unknown("specificity").Set("action", "a1").Set("startedAt", "2021-03-01T08:00:00-06:00").Set("endedAt", "2021-03-01T08:30:00-06:00"));

        var finding = nested.Evaluate(builder.Build(), TestOrdinance.AsOf).For("P2").Should().ContainSingle().Subject;

        finding.Status.Should().Be(FindingStatus.Violated, "E2a cannot hold whatever t1's specificity: its own exception holds for certain");
    }

    [Fact]
    public void Evaluate_NoticeOnTimeButExceptionUnknown_IsComplied()
    {
        var builder = TestOrdinance.Scenario()
            .Fact("operation", "op1", f => f.Set("agency", "ICE-ERO").Set("status", "planned"))
            .Fact("awareness", "k1", f => f.Set("agency", "RPPD").Set("operation", "op1").Set("receivedAt", "2021-03-01T09:00:00-06:00"))
            .Fact("crime", "c1", f => f.Unknown("isCriminal").Set("operation", "op1").Set("startedAt", "2021-03-01T08:00:00-06:00"))
            .Fact("notice", "n1", f => f.Set("issuer", "RPPD").Set("operation", "op1").Set("audience", "public").Set("issuedAt", "2021-03-01T12:00:00-06:00"));

        var finding = TestOrdinance.Compiled.Evaluate(builder.Build(), TestOrdinance.AsOf).For("P3").Should().ContainSingle().Subject;

        finding.Status.Should().Be(FindingStatus.Complied);
    }

    [Fact]
    public void Evaluate_NoNoticeAndExceptionUnknown_IsUndeterminedNamingTheException()
    {
        var builder = TestOrdinance.Scenario()
            .Fact("operation", "op1", f => f.Set("agency", "ICE-ERO").Set("status", "planned"))
            .Fact("awareness", "k1", f => f.Set("agency", "RPPD").Set("operation", "op1").Set("receivedAt", "2021-03-01T09:00:00-06:00"))
            .Fact("crime", "c1", f => f.Unknown("isCriminal").Set("operation", "op1").Set("startedAt", "2021-03-01T08:00:00-06:00"));

        var finding = TestOrdinance.Compiled.Evaluate(builder.Build(), TestOrdinance.AsOf).For("P3").Should().ContainSingle().Subject;

        finding.Status.Should().Be(FindingStatus.Undetermined);
        finding.Unknowns.Should().Equal("crime c1: isCriminal");
        finding.Reason.Should().StartWith("The duty arose from operation op1, awareness k1, but whether an exception applies");
    }

    [Fact]
    public void Evaluate_UnknownJoinReference_IsUndeterminedNotDropped()
    {
        var builder = TestOrdinance.Scenario()
            .Fact("operation", "op1", f => f.Set("agency", "ICE-ERO").Set("status", "planned"))
            .Fact("awareness", "k1", f => f.Set("agency", "RPPD").Unknown("operation").Set("receivedAt", "2021-03-01T09:00:00-06:00"));

        var finding = TestOrdinance.Compiled.Evaluate(builder.Build(), TestOrdinance.AsOf).For("P3").Should().ContainSingle().Subject;

        finding.Status.Should().Be(FindingStatus.Undetermined);
        finding.Unknowns.Should().Equal("awareness k1: operation");
        finding.Reason.Should().Contain("belong together");
    }

    [Fact]
    public void Evaluate_AnchorOmitted_IsUndeterminedNamingTheField()
    {
        var builder = TestOrdinance.Scenario()
            .Fact("operation", "op1", f => f.Set("agency", "ICE-ERO").Set("status", "planned"))
            .Fact("awareness", "k1", f => f.Set("agency", "RPPD").Set("operation", "op1"));

        var finding = TestOrdinance.Compiled.Evaluate(builder.Build(), TestOrdinance.AsOf).For("P3").Should().ContainSingle().Subject;

        finding.Status.Should().Be(FindingStatus.Undetermined);
        finding.Unknowns.Should().Equal("awareness k1: receivedAt");
    }

    [Fact]
    public void Evaluate_AnchorStatedAsNone_IsUndeterminedNotPendingForever()
    {
        var builder = TestOrdinance.Scenario()
            .Fact("operation", "op1", f => f.Set("agency", "ICE-ERO").Set("status", "planned"))
            .Fact("awareness", "k1", f => f.Set("agency", "RPPD").Set("operation", "op1").None("receivedAt"));

        var finding = TestOrdinance.Compiled.Evaluate(builder.Build(), TestOrdinance.AsOf).For("P3").Should().ContainSingle().Subject;

        finding.Status.Should().Be(FindingStatus.Undetermined);
        finding.Unknowns.Should().Equal("the deadline's anchor (k.receivedAt) is not stated");
    }
}
