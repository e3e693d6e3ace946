using System.Globalization;
using OrdinanceRules.Model;

namespace OrdinanceRules.Tests.Evaluation;

/// <summary>Reading I-2: a crime in progress defeats the notice duty only while it lasts; when it ends before the activity, a fresh 48 hours run from its end.</summary>
public class LapsingExceptionTests
{
    private static readonly CompiledOrdinance Compiled = OrdinanceCompiler.Compile(TestOrdinance.Create(TestOrdinance.Alert with
    {
        Exceptions =
        [
            TestOrdinance.Alert.Exceptions[0] with
            {
                Lapses = new Lapse("c.endedAt", "c.endedAt < o.plannedStart", TimeSpan.FromHours(48)),
            },
        ],
    }));

    private static Finding Evaluate(string? crimeEnded, string? noticeAt, string asOf)
    {
        var builder = TestOrdinance.Scenario()
            .Fact("operation", "op1", f => f.Set("agency", "ICE-ERO").Set("status", "planned").Set("plannedStart", "2021-03-10T06:00:00-06:00"))
            .Fact("awareness", "k1", f => f.Set("agency", "RPPD").Set("operation", "op1").Set("receivedAt", "2021-03-01T09:00:00-06:00"))
            .Fact("crime", "c1", f => f.Set("isCriminal", true).Set("operation", "op1").Set("startedAt", "2021-03-01T08:00:00-06:00").Set("endedAt", crimeEnded));
        if (noticeAt is not null)
        {
            builder.Fact("notice", "n1", f => f.Set("issuer", "RPPD").Set("operation", "op1").Set("audience", "public").Set("issuedAt", noticeAt));
        }

        return Compiled.Evaluate(builder.Build(), DateTimeOffset.Parse(asOf, CultureInfo.InvariantCulture)).For("P3").Should().ContainSingle().Subject;
    }

    [Fact]
    public void Evaluate_CrimeEndsBeforeTheActivityAndNoNotice_DeadlineRestartsFromItsEnd()
    {
        var finding = Evaluate(crimeEnded: "2021-03-02T12:00:00-06:00", noticeAt: null, asOf: "2021-03-05T00:00:00-06:00");

        finding.Status.Should().Be(FindingStatus.Violated);
        finding.DueAt.Should().Be(DateTimeOffset.Parse("2021-03-04T12:00:00-06:00", CultureInfo.InvariantCulture));
        finding.Reason.Should().Contain("Exception E3 lapsed at 2021-03-02 12:00 -06:00, so the deadline ran afresh from then.");
    }

    [Fact]
    public void Evaluate_NoticeWithinTheFreshWindow_IsComplied()
    {
        var finding = Evaluate(crimeEnded: "2021-03-02T12:00:00-06:00", noticeAt: "2021-03-04T11:00:00-06:00", asOf: "2021-03-06T00:00:00-06:00");

        finding.Status.Should().Be(FindingStatus.Complied, "the notice came 47 hours after the crime ended, though 74 hours after receipt");
    }

    [Fact]
    public void Evaluate_BeforeTheFreshWindowCloses_IsPending()
    {
        var finding = Evaluate(crimeEnded: "2021-03-02T12:00:00-06:00", noticeAt: null, asOf: "2021-03-03T00:00:00-06:00");

        finding.Status.Should().Be(FindingStatus.Pending);
        finding.DueAt.Should().Be(DateTimeOffset.Parse("2021-03-04T12:00:00-06:00", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Evaluate_CrimeStillInProgressWhenTheActivityBegins_ExceptionApplies()
    {
        Evaluate(crimeEnded: "2021-03-10T07:00:00-06:00", noticeAt: null, asOf: "2021-03-20T00:00:00-05:00").Status.Should().Be(FindingStatus.ExceptionApplies);
    }

    [Fact]
    public void Evaluate_CrimeNotYetOverAsOfTheEvaluation_ExceptionApplies()
    {
        Evaluate(crimeEnded: "2021-03-02T12:00:00-06:00", noticeAt: null, asOf: "2021-03-02T00:00:00-06:00").Status.Should().Be(FindingStatus.ExceptionApplies);
        Evaluate(crimeEnded: null, noticeAt: null, asOf: "2021-03-20T00:00:00-05:00").Status.Should().Be(FindingStatus.ExceptionApplies);
    }

    [Fact]
    public void TryCompile_LapseUnderAProhibition_IsAModelError()
    {
        var provision = TestOrdinance.NoSupport with { Exceptions = [TestOrdinance.NoSupport.Exceptions[1] with { Lapses = new Lapse("c.endedAt", null, TimeSpan.FromHours(1)) }] };

        OrdinanceCompiler.TryCompile(TestOrdinance.Create(provision)).Diagnostics
            .Should().ContainSingle().Which.Message.Should().Contain("only an exception written directly under an obligation can lapse");
    }
}
