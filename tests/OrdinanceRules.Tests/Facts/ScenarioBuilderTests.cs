using System.Globalization;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Facts;

namespace OrdinanceRules.Tests.Facts;

public class ScenarioBuilderTests
{
    private static IReadOnlyList<Diagnostic> Problems(Action<ScenarioBuilder> build)
    {
        var builder = TestOrdinance.Scenario();
        build(builder);
        builder.TryBuild(out var diagnostics).Should().BeNull();
        return diagnostics;
    }

    [Fact]
    public void TryBuild_LocalTimeSkippedBySpringForward_IsAnErrorAskingForTheOffset()
    {
        var diagnostic = Problems(b => b.Fact("awareness", "k1", f => f.Set("receivedAt", "2021-03-14T02:30", new SourceLocation("s.yaml", 4, 17)))).Should().ContainSingle().Subject;

        diagnostic.Code.Should().Be(DiagnosticCodes.AmbiguousLocalTime);
        diagnostic.Location.Should().Be(new SourceLocation("s.yaml", 4, 17));
        diagnostic.Message.Should().Contain("does not exist in America/Chicago").And.Contain("give the offset");
    }

    [Fact]
    public void TryBuild_LocalTimeRepeatedByFallBack_IsAnError()
    {
        Problems(b => b.Fact("awareness", "k1", f => f.Set("receivedAt", "2021-11-07T01:30")))
            .Should().ContainSingle().Which.Message.Should().Contain("occurs twice");
    }

    [Fact]
    public void Build_RepeatedLocalTimeWithOffset_IsAccepted()
    {
        var scenario = TestOrdinance.Scenario().Fact("awareness", "k1", f => f.Set("receivedAt", "2021-11-07T01:30:00-06:00")).Build();

        scenario.FindFact("k1")!["receivedAt"].Value.Should().Be(DateTimeOffset.Parse("2021-11-07T07:30:00Z", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void TryBuild_SeveralProblems_ReportsEachOne()
    {
        var diagnostics = Problems(b => b
            .Fact("action", "a1", f => f.Set("agnecy", "RPPD").Set("purposes", new[] { "civil-immigration", "parking" }))
            .Fact("action", "a2", f => f.Set("agency", "NOPE"))
            .Fact("widget", "w1")
            .Fact("action", "a1"));

        diagnostics.Select(d => d.Code).Should().BeEquivalentTo([
            DiagnosticCodes.InvalidFact, DiagnosticCodes.InvalidFact, DiagnosticCodes.DanglingReference,
            DiagnosticCodes.InvalidFact, DiagnosticCodes.DuplicateFactId]);
        diagnostics.Should().Contain(d => d.Message.Contains("did you mean 'agency'?"));
        diagnostics.Should().Contain(d => d.Message.Contains("'parking'"));
    }

    [Fact]
    public void Build_UnknownAndAbsent_AreDistinct()
    {
        var scenario = TestOrdinance.Scenario().Fact("threat", "t1", f => f.Unknown("specificity")).Build();
        var threat = scenario.FindFact("t1")!;

        threat["specificity"].State.Should().Be(ValueState.Unknown);
        threat["endedAt"].State.Should().Be(ValueState.Absent);
    }

    [Fact]
    public void Evaluate_ScenarioFromAnotherVocabulary_IsRejected()
    {
        var other = OrdinanceRules.Vocabulary.FactVocabulary.Create("other", [new OrdinanceRules.Vocabulary.FactType("agency", [])]);
        var scenario = new ScenarioBuilder(other, "America/Chicago").Fact("agency", "RPPD").Build();

        var act = () => TestOrdinance.Compiled.Evaluate(scenario, TestOrdinance.AsOf);

        act.Should().Throw<ArgumentException>().WithMessage("*another vocabulary*");
    }
}
