using System.Globalization;
using OrdinanceRules.Facts;

namespace OrdinanceRules.Tests.Evaluation;

public class ObligationTests
{
    private static readonly DateTimeOffset Receipt = DateTimeOffset.Parse("2021-03-01T09:00:00-06:00", CultureInfo.InvariantCulture);

    private static ScenarioBuilder Operation(string receivedAt = "2021-03-01T09:00:00-06:00", string agency = "ICE-ERO", string knownTo = "RPPD") =>
        TestOrdinance.Scenario()
            .Fact("operation", "op1", f => f.Set("agency", agency).Set("status", "planned"))
            .Fact("awareness", "k1", f => f.Set("agency", knownTo).Set("operation", "op1").Set("receivedAt", receivedAt));

    private static Finding Alert(ScenarioBuilder builder, DateTimeOffset asOf) =>
        TestOrdinance.Compiled.Evaluate(builder.Build(), asOf).For("P3").Should().ContainSingle().Subject;

    [Theory]
    [InlineData(47, 59, FindingStatus.Complied)]
    [InlineData(48, 0, FindingStatus.Complied)]
    [InlineData(48, 1, FindingStatus.Violated)]
    public void Evaluate_NoticeAfterReceipt_OnTimeUpToAndIncludingTheDueInstant(int hours, int minutes, FindingStatus expected)
    {
        var issued = Receipt + new TimeSpan(hours, minutes, 0);
        var builder = Operation().Fact("notice", "n1", f => f.Set("issuer", "RPPD").Set("operation", "op1").Set("audience", "public").Set("issuedAt", issued));

        var finding = Alert(builder, Receipt.AddDays(10));

        finding.Status.Should().Be(expected);
        finding.DueAt.Should().Be(Receipt.AddHours(48));
        if (expected == FindingStatus.Complied)
        {
            finding.DischargedAt.Should().Be(issued);
            finding.Reason.Should().Contain("notice n1");
        }
    }

    [Fact]
    public void Evaluate_NoNoticeBeforeDue_IsPendingWithItsDueInstant()
    {
        var finding = Alert(Operation(), Receipt.AddHours(47));

        finding.Status.Should().Be(FindingStatus.Pending);
        finding.DueAt.Should().Be(Receipt.AddHours(48));
        finding.Facts.Select(f => f.FactId).Should().Equal("op1", "k1");
    }

    [Fact]
    public void Evaluate_AsOfExactlyAtDue_IsStillPending()
    {
        Alert(Operation(), Receipt.AddHours(48)).Status.Should().Be(FindingStatus.Pending);
    }

    [Fact]
    public void Evaluate_NoNoticeAfterDue_IsViolated()
    {
        var finding = Alert(Operation(), Receipt.AddHours(48).AddSeconds(1));

        finding.Status.Should().Be(FindingStatus.Violated);
        finding.Reason.Should().Contain("fell due at 2021-03-03 09:00:00 -06:00");
    }

    [Fact]
    public void Evaluate_NoticeIssuedAfterAsOf_DoesNotCountYet()
    {
        var builder = Operation().Fact("notice", "n1", f => f.Set("issuer", "RPPD").Set("operation", "op1").Set("audience", "public").Set("issuedAt", Receipt.AddHours(30)));

        Alert(builder, Receipt.AddHours(20)).Status.Should().Be(FindingStatus.Pending);
    }

    [Fact]
    public void Evaluate_InternalNoticeOnly_IsViolated()
    {
        var builder = Operation().Fact("notice", "n1", f => f.Set("issuer", "RPPD").Set("operation", "op1").Set("audience", "internal").Set("issuedAt", Receipt.AddHours(1)));

        Alert(builder, Receipt.AddDays(3)).Status.Should().Be(FindingStatus.Violated);
    }

    [Fact]
    public void Evaluate_WindowAcrossSpringForward_IsElapsedNotWallClock()
    {
        // Daylight saving time began 2021-03-14 02:00 in America/Chicago: 48 elapsed hours after
        // 2021-03-13 10:00 CST is 2021-03-15 11:00 CDT, which a wall clock shows as 49 hours later.
        var builder = Operation(receivedAt: "2021-03-13T10:00")
            .Fact("notice", "n1", f => f.Set("issuer", "RPPD").Set("operation", "op1").Set("audience", "public").Set("issuedAt", "2021-03-15T10:30"));

        var finding = Alert(builder, DateTimeOffset.Parse("2021-03-20T00:00:00-05:00", CultureInfo.InvariantCulture));

        finding.Status.Should().Be(FindingStatus.Complied);
        finding.DueAt.Should().Be(DateTimeOffset.Parse("2021-03-15T11:00:00-05:00", CultureInfo.InvariantCulture));
        finding.DueAt!.Value.Offset.Should().Be(TimeSpan.FromHours(-5));
    }

    [Fact]
    public void Evaluate_NoticeAtWallClockDueAcrossFallBack_IsLate()
    {
        // DST ended 2021-11-07 02:00 in America/Chicago: 48 elapsed hours after 2021-11-06 10:00 CDT is
        // 2021-11-08 09:00 CST; a notice at the wall-clock 10:00 is an hour late.
        var builder = Operation(receivedAt: "2021-11-06T10:00")
            .Fact("notice", "n1", f => f.Set("issuer", "RPPD").Set("operation", "op1").Set("audience", "public").Set("issuedAt", "2021-11-08T10:00"));

        var finding = Alert(builder, DateTimeOffset.Parse("2021-11-20T00:00:00-06:00", CultureInfo.InvariantCulture));

        finding.Status.Should().Be(FindingStatus.Violated);
        finding.DueAt.Should().Be(DateTimeOffset.Parse("2021-11-08T09:00:00-06:00", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Evaluate_CrimeInProgressAtReceipt_ExceptionApplies()
    {
        var builder = Operation().Fact("crime", "c1", f => f.Set("isCriminal", true).Set("operation", "op1").Set("startedAt", "2021-03-01T08:00:00-06:00"));

        var finding = Alert(builder, Receipt.AddDays(5));

        finding.Status.Should().Be(FindingStatus.ExceptionApplies);
        finding.Exceptions.Should().ContainSingle().Which.Id.Should().Be("E3");
    }

    [Fact]
    public void Evaluate_KnowledgeOnlyInAnotherDepartment_IsNotApplicable()
    {
        var builder = TestOrdinance.Scenario()
            .Fact("agency", "PW", f => f.Set("enforcesImmigration", false).Set("level", "city"))
            .Fact("operation", "op1", f => f.Set("agency", "ICE-ERO").Set("status", "planned"))
            .Fact("awareness", "k1", f => f.Set("agency", "PW").Set("operation", "op1").Set("receivedAt", "2021-03-01T09:00:00-06:00"));

        Alert(builder, Receipt.AddDays(5)).Status.Should().Be(FindingStatus.NotApplicable);
    }

    [Fact]
    public void Evaluate_UnknownReceiptTime_IsUndeterminedNamingIt()
    {
        var builder = TestOrdinance.Scenario()
            .Fact("operation", "op1", f => f.Set("agency", "ICE-ERO").Set("status", "planned"))
            .Fact("awareness", "k1", f => f.Set("agency", "RPPD").Set("operation", "op1").Unknown("receivedAt"));

        var finding = Alert(builder, Receipt.AddDays(5));

        finding.Status.Should().Be(FindingStatus.Undetermined);
        finding.Unknowns.Should().Equal("awareness k1: receivedAt");
    }

    [Fact]
    public void Evaluate_NoticeOfUnknownAudience_IsUndetermined()
    {
        var builder = Operation().Fact("notice", "n1", f => f.Set("issuer", "RPPD").Set("operation", "op1").Unknown("audience").Set("issuedAt", Receipt.AddHours(1)));

        var finding = Alert(builder, Receipt.AddDays(5));

        finding.Status.Should().Be(FindingStatus.Undetermined);
        finding.Unknowns.Should().Equal("notice n1: audience");
        finding.DueAt.Should().Be(Receipt.AddHours(48));
    }

    [Fact]
    public void Evaluate_AwarenessOfAnotherOperation_DoesNotJoin()
    {
        var builder = TestOrdinance.Scenario()
            .Fact("operation", "op1", f => f.Set("agency", "ICE-ERO").Set("status", "planned"))
            .Fact("operation", "op2", f => f.Set("agency", "ICE-ERO").Set("status", "planned"))
            .Fact("awareness", "k1", f => f.Set("agency", "RPPD").Set("operation", "op2").Set("receivedAt", Receipt));

        var findings = TestOrdinance.Compiled.Evaluate(builder.Build(), Receipt.AddHours(1)).For("P3").ToList();

        findings.Should().ContainSingle().Which.Facts.Select(f => f.FactId).Should().Equal("op2", "k1");
    }
}
