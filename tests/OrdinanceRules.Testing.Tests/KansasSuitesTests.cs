namespace OrdinanceRules.Testing.Tests;

/// <summary>
/// The bundled suites of the ACLU of Kansas model rules and of Kansas City, Kansas's Act (which extends the model),
/// run through the helper as `dotnet test` and CI run them.
/// </summary>
public class KansasSuitesTests
{
    private const string Model = "samples/tests/aclu-kansas-model/aclu-kansas-model.suite.yaml";
    private const string KansasCity = "samples/tests/kansas-city-ks/kansas-city-ks.suite.yaml";

    [Theory]
    [OrdinanceSuite(Model)]
    public void AcluKansasModel_Case_MeetsItsExpectations(OrdinanceSuiteCase suiteCase) => OrdinanceAssert.Passes(suiteCase);

    [Theory]
    [OrdinanceSuite(KansasCity)]
    public void KansasCity_Case_MeetsItsExpectations(OrdinanceSuiteCase suiteCase) => OrdinanceAssert.Passes(suiteCase);

    [Theory]
    [InlineData(Model, 53)]
    [InlineData(KansasCity, 18)]
    public void Suite_Coverage_ReachesEveryOutcomeOfEveryProvision(string suite, int outcomes)
    {
        var coverage = OrdinanceSuiteData.Coverage(suite);

        coverage.Provisions.SelectMany(p => p.Items).Where(i => !i.Reached).Select(i => i.Label).Should().BeEmpty();
        coverage.Percent.Should().Be(100m);
        coverage.Total.Should().Be(outcomes);
    }
}
