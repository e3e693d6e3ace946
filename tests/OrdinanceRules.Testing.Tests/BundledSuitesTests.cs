namespace OrdinanceRules.Testing.Tests;

/// <summary>
/// The bundled suites (samples/tests), run through the helper as `dotnet test` and CI run them: each case of each suite,
/// and each suite's outcome coverage, which must reach every outcome of every provision of its ordinance.
/// </summary>
public class BundledSuitesTests
{
    private const string RoelandPark = "samples/tests/roeland-park/roeland-park.suite.yaml";
    private const string Cfr2877 = "samples/tests/cfr-287-7/cfr-287-7.suite.yaml";
    private const string Model = "samples/tests/aclu-kansas-model/aclu-kansas-model.suite.yaml";
    private const string KansasCity = "samples/tests/kansas-city-ks/kansas-city-ks.suite.yaml";
    private const string Chicago = "samples/tests/chicago-il/chicago-il.suite.yaml";

    [Theory]
    [OrdinanceSuite(RoelandPark)]
    public void RoelandPark_Case_MeetsItsExpectations(OrdinanceSuiteCase suiteCase) => OrdinanceAssert.Passes(suiteCase);

    [Theory]
    [OrdinanceSuite(Cfr2877)]
    public void Cfr2877_Case_MeetsItsExpectations(OrdinanceSuiteCase suiteCase) => OrdinanceAssert.Passes(suiteCase);

    [Theory]
    [OrdinanceSuite(Model)]
    public void AcluKansasModel_Case_MeetsItsExpectations(OrdinanceSuiteCase suiteCase) => OrdinanceAssert.Passes(suiteCase);

    [Theory]
    [OrdinanceSuite(KansasCity)]
    public void KansasCity_Case_MeetsItsExpectations(OrdinanceSuiteCase suiteCase) => OrdinanceAssert.Passes(suiteCase);

    [Theory]
    [OrdinanceSuite(Chicago)]
    public void Chicago_Case_MeetsItsExpectations(OrdinanceSuiteCase suiteCase) => OrdinanceAssert.Passes(suiteCase);

    [Theory]
    [InlineData(RoelandPark, 54)]
    [InlineData(Cfr2877, 5)]
    [InlineData(Model, 53)]
    [InlineData(KansasCity, 18)]
    [InlineData(Chicago, 59)]
    public void Suite_Coverage_ReachesEveryOutcomeOfEveryProvision(string suite, int outcomes)
    {
        var coverage = OrdinanceSuiteData.Coverage(suite);

        coverage.Provisions.SelectMany(p => p.Items).Where(i => !i.Reached).Select(i => i.Label).Should().BeEmpty();
        coverage.Percent.Should().Be(100m);
        coverage.Total.Should().Be(outcomes);
    }
}
