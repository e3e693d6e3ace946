using OrdinanceRules.Explanations;

namespace OrdinanceRules.Tests.Explanations;

/// <summary><see cref="EvaluationOptions.Explain"/>: explanations built from the session's events, and nothing when off.</summary>
public class ExplanationTests
{
    private static readonly CompiledOrdinance Nested = TestOrdinance.NestedCompiled;

    private static ComplianceReport Evaluate(bool isCriminal, bool explain)
    {
        var scenario = TestOrdinance.Scenario()
            .Fact("operation", "op1", f => f.Set("agency", "ICE-ERO").Set("status", "ongoing"))
            .Fact("action", "a1", f => f.Set("agency", "RPPD").Set("beneficiary", "ICE-ERO")
                .Set("purposes", new[] { "civil-immigration" }).Set("start", "2021-03-01T10:00:00-06:00").Set("operation", "op1"))
            .Fact("crime", "c1", f => f.Set("operation", "op1").Set("startedAt", "2021-03-01T09:00:00-06:00").Set("isCriminal", isCriminal))
            .Build();
        return Nested.Evaluate(scenario, TestOrdinance.AsOf, EvaluationOptions.Default with { Explain = explain });
    }

    [Fact]
    public void Evaluate_ExplainOff_NoExplanationsAndNoRecorderAttached()
    {
        var before = SessionRecorder.AttachedOnThisThread;

        var report = Evaluate(isCriminal: true, explain: false);

        report.Explanations.Should().BeEmpty();
        SessionRecorder.AttachedOnThisThread.Should().Be(before, "explain off subscribes to no session event");
    }

    [Fact]
    public void Evaluate_ExplainOn_OneExplanationPerFindingInReportOrder()
    {
        var before = SessionRecorder.AttachedOnThisThread;

        var report = Evaluate(isCriminal: true, explain: true);

        SessionRecorder.AttachedOnThisThread.Should().Be(before + 1);
        report.Explanations.Select(e => e.Finding).Should().Equal(report.Findings);
    }

    [Fact]
    public void Evaluate_ExceptionToTheExceptionHolds_ExplainsThatItDefeatsTheException()
    {
        var report = Evaluate(isCriminal: false, explain: true);

        var p2 = report.Explanations.Single(e => e.Finding.ProvisionId == "P2");
        p2.Finding.Status.Should().Be(FindingStatus.Violated);
        var lines = p2.Root.ToString().Split('\n');
        lines.Should().Contain(l => l.StartsWith("    E2b Crime in progress", StringComparison.Ordinal) && l.EndsWith(": held, but is defeated [defeated]", StringComparison.Ordinal));
        lines.Should().Contain("      yes for crime c1 [held]");
        lines.Should().Contain("          E2b-1 stands: no exception defeats it [held]");
        lines.Should().Contain("      E2b (through crime c1) is defeated by E2b-1 [defeated]");
        lines.Should().Contain("  the breach stands: no exception defeats it [held]");
        lines.Should().Contain("  decided by rule P2/violated");
    }

    [Fact]
    public void Evaluate_ExceptionHolds_ExplainsThatItDefeatsTheBreach()
    {
        var report = Evaluate(isCriminal: true, explain: true);

        var root = report.Explanations.Single(e => e.Finding.ProvisionId == "P2").Root;
        root.Text.Should().EndWith(": ExceptionApplies");
        root.Children.Should().Contain(n => n.Text == "the breach is defeated by E2b" && n.Status == ExplanationStatus.Defeated);
        root.DescendantsAndSelf().Should().Contain(n => n.Text.StartsWith("E2b-1 ", StringComparison.Ordinal) && n.Status == ExplanationStatus.Failed);
    }
}
