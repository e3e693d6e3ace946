namespace OrdinanceRules.Testing.Tests;

/// <summary>The bundled 8 C.F.R. § 287.7(d) suite (business hours, 2021 federal holidays), run through the helper.</summary>
public class Cfr2877SuiteTests
{
    private const string Suite = "samples/tests/cfr-287-7/cfr-287-7.suite.yaml";

    [Theory]
    [OrdinanceSuite(Suite)]
    public void Cfr2877_Case_MeetsItsExpectations(OrdinanceSuiteCase suiteCase) => OrdinanceAssert.Passes(suiteCase);

    [Fact]
    public void Cfr2877_Coverage_ReachesEveryOutcomeOfTheProvision()
    {
        var coverage = OrdinanceSuiteData.Coverage(Suite);

        coverage.Provisions.SelectMany(p => p.Items).Where(i => !i.Reached).Select(i => i.Label).Should().BeEmpty();
        coverage.Percent.Should().Be(100m);
        coverage.Total.Should().Be(5);
    }
}
