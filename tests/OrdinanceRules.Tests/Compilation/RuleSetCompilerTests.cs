using OrdinanceRules.Compilation;

namespace OrdinanceRules.Tests.Compilation;

public class RuleSetCompilerTests
{
    [Fact]
    public void Compile_WithoutFastExpressionCompiler_GivesTheSameFindings()
    {
        var scenario = TestOrdinance.Scenario()
            .Fact("operation", "op1", f => f.Set("agency", "ICE-ERO").Set("status", "ongoing"))
            .Fact("action", "a1", f => f.Set("agency", "RPPD").Set("beneficiary", "ICE-ERO")
                .Set("purposes", new[] { "civil-immigration" }).Set("start", "2021-03-01T10:00:00-06:00").Set("operation", "op1"))
            .Fact("threat", "t1", f => f.Unknown("specificity").Set("startedAt", "2021-03-01T09:00:00-06:00").Set("action", "a1"))
            .Build();
        var slow = RuleSetCompiler.Compile(TestOrdinance.Create(), fastExpressionCompiler: false).GetValueOrThrow();

        var report = slow.Evaluate(scenario, TestOrdinance.AsOf);

        report.Should().BeEquivalentTo(TestOrdinance.Compiled.Evaluate(scenario, TestOrdinance.AsOf));
        report.Findings.Should().NotBeEmpty();
    }
}
