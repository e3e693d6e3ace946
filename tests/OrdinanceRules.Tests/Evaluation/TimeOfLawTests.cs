using System.Globalization;
using OrdinanceRules.Model;

namespace OrdinanceRules.Tests.Evaluation;

public class TimeOfLawTests
{
    private static readonly Amendment Amendment2022 = new()
    {
        Id = "A2022",
        Title = "Amended to comply with K.S.A. 12-16,140",
        AdoptedOn = new DateOnly(2022, 6, 13),
        EffectiveFrom = new DateOnly(2022, 7, 1),
        Affects = ["P2"],
        TextKnown = false,
    };

    private static CompiledOrdinance Compile(DateOnly? effective, ConditionText? assume = null) =>
        OrdinanceCompiler.Compile(TestOrdinance.Create(TestOrdinance.NoSupport with { EventTime = "a.start" }) with
        {
            EffectiveFrom = effective,
            AssumeInForce = assume,
            Amendments = [Amendment2022],
        });

    private static Finding Evaluate(CompiledOrdinance ordinance, string start)
    {
        var scenario = TestOrdinance.Scenario()
            .Fact("action", "a1", f => f.Set("agency", "RPPD").Set("beneficiary", "ICE-ERO")
                .Set("purposes", new[] { "civil-immigration" }).Set("start", start))
            .Build();
        return ordinance.Evaluate(scenario, DateTimeOffset.Parse("2023-01-01T00:00:00-06:00", CultureInfo.InvariantCulture)).For("P2").Should().ContainSingle().Subject;
    }

    [Fact]
    public void Evaluate_EventBeforeAdoption_IsNotApplicableSayingWhy()
    {
        var finding = Evaluate(Compile(new DateOnly(2021, 1, 1)), "2020-12-20T23:00:00-06:00");

        finding.Status.Should().Be(FindingStatus.NotApplicable);
        finding.Reason.Should().Be("The event (2020-12-20 23:00 -06:00) predates the adoption of Roeland Park Ordinance 1 on 2020-12-21.");
    }

    [Fact]
    public void Evaluate_EventAfterAdoptionButBeforeEffectiveDate_IsNotApplicable()
    {
        Evaluate(Compile(new DateOnly(2021, 1, 1)), "2020-12-28T10:00:00-06:00").Reason.Should().Contain("precedes the day provision P2 took effect, 2021-01-01");
    }

    [Fact]
    public void Evaluate_EffectiveDateUnknown_IsUndeterminedSayingWhy()
    {
        var finding = Evaluate(Compile(effective: null), "2021-03-01T10:00:00-06:00");

        finding.Status.Should().Be(FindingStatus.Undetermined);
        finding.Unknowns.Should().ContainSingle().Which.Should().Contain("the effective date of Roeland Park Ordinance 1 is unknown");
    }

    [Fact]
    public void Evaluate_EffectiveDateUnknownButAssumedFromAdoption_IsJudged()
    {
        Evaluate(Compile(effective: null, assume: "yes"), "2021-03-01T10:00:00-06:00").Status.Should().Be(FindingStatus.Violated);
    }

    [Fact]
    public void Evaluate_EventUnderAnAmendmentWithUnknownText_IsUndetermined()
    {
        var finding = Evaluate(Compile(new DateOnly(2021, 1, 1)), "2022-07-01T00:00:00-05:00");

        finding.Status.Should().Be(FindingStatus.Undetermined);
        finding.Unknowns.Should().Equal("the text of amendment A2022 (Amended to comply with K.S.A. 12-16,140), which governs events from 2022-07-01, is unknown");
    }

    [Fact]
    public void Evaluate_EventTheDayBeforeTheAmendment_IsJudgedByTheOriginal()
    {
        Evaluate(Compile(new DateOnly(2021, 1, 1)), "2022-06-30T23:59:00-05:00").Status.Should().Be(FindingStatus.Violated);
    }

    [Fact]
    public void Evaluate_AmendedProvisionWithKnownText_OriginalStopsAndVersionTakesOver()
    {
        var amended = TestOrdinance.NoSupport with { Id = "P2-2022", EventTime = "a.start", InForce = new InForcePeriod(new DateOnly(2022, 7, 1), null), Exceptions = [] };
        var ordinance = OrdinanceCompiler.Compile(TestOrdinance.Create(TestOrdinance.NoSupport with { EventTime = "a.start", Exceptions = [] }, amended) with
        {
            EffectiveFrom = new DateOnly(2021, 1, 1),
            Amendments = [Amendment2022 with { TextKnown = true }],
        });
        var scenario = TestOrdinance.Scenario()
            .Fact("action", "a1", f => f.Set("agency", "RPPD").Set("beneficiary", "ICE-ERO").Set("purposes", new[] { "civil-immigration" }).Set("start", "2022-08-01T10:00:00-05:00"))
            .Build();

        var report = ordinance.Evaluate(scenario, DateTimeOffset.Parse("2023-01-01T00:00:00-06:00", CultureInfo.InvariantCulture));

        report.For("P2").Single().Reason.Should().Contain("as amended by A2022");
        report.For("P2").Single().Status.Should().Be(FindingStatus.NotApplicable);
        report.For("P2-2022").Single().Status.Should().Be(FindingStatus.Violated);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Evaluate_TwoAmendmentsListedInEitherOrder_TheLaterOneGoverns(bool oldestFirst)
    {
        // A2021's text is unknown; A2022 (text known) replaced it: an event in 2023 is judged by A2022 whatever the order.
        var older = Amendment2022 with { Id = "A2021", Title = "First amendment", AdoptedOn = new DateOnly(2021, 5, 3), EffectiveFrom = new DateOnly(2021, 6, 1) };
        var newer = Amendment2022 with { TextKnown = true };
        var ordinance = OrdinanceCompiler.Compile(TestOrdinance.Create(TestOrdinance.NoSupport with { EventTime = "a.start" }) with
        {
            EffectiveFrom = new DateOnly(2021, 1, 1),
            Amendments = oldestFirst ? [older, newer] : [newer, older],
        });

        var later = Evaluate(ordinance, "2023-01-01T00:00:00-06:00");
        var between = Evaluate(ordinance, "2021-08-01T00:00:00-05:00");

        later.Status.Should().Be(FindingStatus.NotApplicable);
        later.Reason.Should().Contain("as amended by A2022");
        between.Status.Should().Be(FindingStatus.Undetermined);
        between.Unknowns.Should().Equal("the text of amendment A2021 (First amendment), which governs events from 2021-06-01, is unknown");
    }
}
