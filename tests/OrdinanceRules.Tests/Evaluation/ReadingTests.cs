using System.Collections.Immutable;
using System.Globalization;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Facts;
using OrdinanceRules.Model;

namespace OrdinanceRules.Tests.Evaluation;

public class ReadingTests
{
    private static readonly ImmutableArray<Reading> Readings =
    [
        new Reading
        {
            Name = "knowledge",
            Question = "Does knowledge held by another city department count?",
            Alternatives = [new("police-only", "Only the police's own receipt counts."), new("any-department", "Any city department's receipt counts.")],
            Default = "police-only",
        },
        new Reading
        {
            Name = "end",
            Question = "Is the due instant itself on time?",
            Alternatives = [new("inclusive", "A notice at the due instant is on time."), new("exclusive", "It must come before.")],
            Default = "inclusive",
        },
        new Reading
        {
            Name = "anchor",
            Question = "What starts the 48 hours?",
            Alternatives = [new("receipt", "Receipt of the information."), new("before-activity", "48 hours before the activity.")],
            Default = "receipt",
        },
    ];

    private static readonly CompiledOrdinance Compiled = OrdinanceCompiler.Compile(TestOrdinance.Create(TestOrdinance.Alert with
    {
        AppliesWhen = "(k.agency.id == 'RPPD' or (reading('knowledge') == 'any-department' and k.agency.level == 'city')) and o.agency.enforcesImmigration",
        Duty = TestOrdinance.Alert.Duty! with
        {
            Deadline = new Deadline
            {
                Due = "if reading('anchor') == 'receipt' then k.receivedAt + 48h else o.plannedStart - 48h",
                Inclusive = "reading('end') == 'inclusive'",
            },
        },
    }) with
    { Readings = Readings });

    private static Finding Evaluate(ScenarioBuilder builder, DateTimeOffset asOf, params (string Name, string Alternative)[] readings)
    {
        var options = readings.Aggregate(EvaluationOptions.Default, (o, r) => o.WithReading(r.Name, r.Alternative));
        var report = Compiled.Evaluate(builder.Build(), asOf, options);
        report.Readings.Select(r => r.Name).Should().Equal("knowledge", "end", "anchor");
        return report.For("P3").Should().ContainSingle().Subject;
    }

    private static ScenarioBuilder Scenario(string knownTo = "RPPD", string? noticeAt = null)
    {
        var builder = TestOrdinance.Scenario()
            .Fact("agency", "PW", f => f.Set("enforcesImmigration", false).Set("level", "city"))
            .Fact("operation", "op1", f => f.Set("agency", "ICE-ERO").Set("status", "planned"))
            .Fact("awareness", "k1", f => f.Set("agency", knownTo).Set("operation", "op1").Set("receivedAt", "2021-03-01T09:00:00-06:00"));
        if (noticeAt is not null)
        {
            builder.Fact("notice", "n1", f => f.Set("issuer", "RPPD").Set("operation", "op1").Set("audience", "public").Set("issuedAt", noticeAt));
        }

        return builder;
    }

    [Fact]
    public void Evaluate_KnowledgeReading_ChangesWhetherTheDutyArises()
    {
        var asOf = DateTimeOffset.Parse("2021-03-10T00:00:00-06:00", CultureInfo.InvariantCulture);

        Evaluate(Scenario(knownTo: "PW"), asOf).Status.Should().Be(FindingStatus.NotApplicable);
        Evaluate(Scenario(knownTo: "PW"), asOf, ("knowledge", "any-department")).Status.Should().Be(FindingStatus.Violated);
    }

    [Fact]
    public void Evaluate_EndReading_DecidesANoticeAtTheDueInstant()
    {
        var asOf = DateTimeOffset.Parse("2021-03-10T00:00:00-06:00", CultureInfo.InvariantCulture);
        var atDue = "2021-03-03T09:00:00-06:00";

        Evaluate(Scenario(noticeAt: atDue), asOf).Status.Should().Be(FindingStatus.Complied);
        Evaluate(Scenario(noticeAt: atDue), asOf, ("end", "exclusive")).Status.Should().Be(FindingStatus.Violated);
    }

    [Fact]
    public void Evaluate_AnchorReading_MovesTheDueInstant()
    {
        var builder = Scenario();
        var asOf = DateTimeOffset.Parse("2021-03-02T00:00:00-06:00", CultureInfo.InvariantCulture);

        Evaluate(Scenario(), asOf).DueAt.Should().Be(DateTimeOffset.Parse("2021-03-03T09:00:00-06:00", CultureInfo.InvariantCulture));
        var before = Evaluate(Scenario(), asOf, ("anchor", "before-activity"));
        before.Status.Should().Be(FindingStatus.Undetermined, "the scenario does not give the activity's planned start");
    }

    [Fact]
    public void Evaluate_Report_NamesTheReadingsUsedAndWhetherDefault()
    {
        var report = Compiled.Evaluate(Scenario().Build(), TestOrdinance.AsOf, EvaluationOptions.Default.WithReading("end", "exclusive"));

        report.Readings.Should().Equal(
            new AppliedReading("knowledge", "police-only", true),
            new AppliedReading("end", "exclusive", false),
            new AppliedReading("anchor", "receipt", true));
    }

    [Fact]
    public void Evaluate_UnknownReadingOrAlternative_IsRejected()
    {
        var scenario = Scenario().Build();

        var badName = () => Compiled.Evaluate(scenario, TestOrdinance.AsOf, EvaluationOptions.Default.WithReading("nope", "x"));
        var badAlternative = () => Compiled.Evaluate(scenario, TestOrdinance.AsOf, EvaluationOptions.Default.WithReading("end", "sometimes"));

        badName.Should().Throw<ArgumentException>().WithMessage("*declares no reading 'nope'*");
        badAlternative.Should().Throw<ArgumentException>().WithMessage("*choose one of: inclusive, exclusive*");
    }

    [Fact]
    public void TryCompile_UndeclaredReadingOrAlternative_IsAConditionError()
    {
        var provision = TestOrdinance.Alert with { AppliesWhen = "reading('knowlege') == 'any' and reading('end') == 'sometimes'" };

        var diagnostics = OrdinanceCompiler.TryCompile(TestOrdinance.Create(provision) with { Readings = Readings }).Diagnostics;

        diagnostics.Select(d => d.Message).Should().Contain(m => m.Contains("'knowlege' is not a reading of this ordinance") && m.Contains("did you mean 'knowledge'?"));
        diagnostics.Select(d => d.Message).Should().Contain(m => m.Contains("'sometimes' is not one of the field's values: inclusive, exclusive"));
    }

    [Fact]
    public void TryCompile_DefaultNotAnAlternative_IsAModelError()
    {
        var bad = Readings[0] with { Default = "maybe" };

        OrdinanceCompiler.TryCompile(TestOrdinance.Create() with { Readings = [bad] }).Diagnostics
            .Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.InvalidOrdinance);
    }
}
