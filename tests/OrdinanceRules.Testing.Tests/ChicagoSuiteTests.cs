namespace OrdinanceRules.Testing.Tests;

/// <summary>
/// The bundled suite of Chicago's Welcoming City Ordinance (samples/tests/chicago-il), run through the helper as
/// `dotnet test` and CI run it: the shared scenarios, Chicago's own, and the suite's inline cases.
/// </summary>
public class ChicagoSuiteTests
{
    private const string Chicago = "samples/tests/chicago-il/chicago-il.suite.yaml";

    [Theory]
    [OrdinanceSuite(Chicago)]
    public void Chicago_Case_MeetsItsExpectations(OrdinanceSuiteCase suiteCase) => OrdinanceAssert.Passes(suiteCase);

    [Fact]
    public void Suite_Coverage_ReachesEveryOutcomeOfEveryProvision()
    {
        var coverage = OrdinanceSuiteData.Coverage(Chicago);

        coverage.Provisions.SelectMany(p => p.Items).Where(i => !i.Reached).Select(i => i.Label).Should().BeEmpty();
        coverage.Percent.Should().Be(100m);
        coverage.Total.Should().Be(42);
    }
}
