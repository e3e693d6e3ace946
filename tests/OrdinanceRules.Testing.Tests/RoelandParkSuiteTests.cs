namespace OrdinanceRules.Testing.Tests;

/// <summary>The bundled Roeland Park suite, run through the helper as `dotnet test` and CI run it.</summary>
public class RoelandParkSuiteTests
{
    private const string Suite = "samples/tests/roeland-park/roeland-park.suite.yaml";

    [Theory]
    [OrdinanceSuite(Suite)]
    public void RoelandPark_Case_MeetsItsExpectations(OrdinanceSuiteCase suiteCase) => OrdinanceAssert.Passes(suiteCase);

    [Fact]
    public void RoelandPark_Coverage_ReachesEveryOutcomeOfEveryProvision()
    {
        var coverage = OrdinanceSuiteData.Coverage(Suite);

        coverage.Provisions.SelectMany(p => p.Items).Where(i => !i.Reached).Select(i => i.Label).Should().BeEmpty();
        coverage.Percent.Should().Be(100m);
        coverage.Total.Should().Be(49);
    }
}
