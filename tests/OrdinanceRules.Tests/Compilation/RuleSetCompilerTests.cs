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

    /// <summary>
    /// NRules fills a dictionary shared by a factory's sessions the first time a session follows a reference; two
    /// sessions doing so at once (an audit on two cores, a service's first requests) corrupted it. The compiler fills
    /// it before the factory is shared, so evaluations only read it. Checked on the dictionary itself, because the
    /// race is too rare to catch reliably by timing.
    /// </summary>
    [Fact]
    public void Compile_BeforeAnyEvaluation_HasFilledNRulesSharedComparerCache()
    {
        var compiled = RuleSetCompiler.Compile(TestOrdinance.Create()).GetValueOrThrow();

        SharedComparers(compiled.Factory).Contains(typeof(OrdinanceRules.Facts.Fact)).Should().BeTrue();
    }

    [Fact]
    public void Prime_AnNRulesSessionFactory_FindsItsComparer()
    {
        var factory = new NRules.RuleCompiler().Compile(Array.Empty<NRules.RuleModel.IRuleDefinition>());

        IdentityComparerPriming.Prime(factory).Should().BeTrue("the NRules version pinned keeps the comparer where the priming looks");
        SharedComparers(factory).Contains(typeof(OrdinanceRules.Facts.Fact)).Should().BeTrue();
    }

    private static System.Collections.IDictionary SharedComparers(NRules.ISessionFactory factory)
    {
        const System.Reflection.BindingFlags Private = System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic;
        var comparer = factory.GetType().GetField("_factIdentityComparer", Private)!.GetValue(factory)!;
        return (System.Collections.IDictionary)comparer.GetType().GetField("_typedComparers", Private)!.GetValue(comparer)!;
    }
}
