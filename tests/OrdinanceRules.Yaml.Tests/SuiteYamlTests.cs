using System.Globalization;

namespace OrdinanceRules.Yaml.Tests;

public class SuiteYamlTests
{
    /// <summary>Parses a suite as if it were TestData/test.suite.yaml, beside the fixture ordinance.</summary>
    private static Result<SuiteFile> Parse(string yaml) =>
        OrdinanceYaml.ParseSuite(yaml.ReplaceLineEndings("\n"), TestFiles.PathOf("test.suite.yaml"));

    [Fact]
    public void ParseSuite_InlineFactsAndEveryExpectationForm_ReadsTheModel()
    {
        var result = Parse("""
            suite: Fixture
            ordinance: ordinance-valid.yaml
            cases:
              - name: support asked
                description: An ICE request for support.
                as-of: 2021-03-05T12:00
                facts:
                  - agency: RPPD
                  - agency: ICE
                    enforcesImmigration: yes
                  - request: req-1
                    from: ICE
                    to: RPPD
                    kind: support
                unknown: [threat]
                expect:
                  P2: { status: undetermined, unknowns: [] , facts: { r: req-1, a: RPPD } }
                  P3:
                    - status: not-applicable
            """);

        result.Diagnostics.Should().BeEmpty();
        var suiteCase = result.Value!.Suite.Cases.Should().ContainSingle().Subject;
        suiteCase.Scenario.Description.Should().Be("An ICE request for support.");
        suiteCase.Scenario.UnknownTypes.Should().Equal("threat");
        suiteCase.AsOf.Should().Be(DateTimeOffset.Parse("2021-03-05T12:00:00-06:00", CultureInfo.InvariantCulture));
        suiteCase.Expectations.Select(e => (e.ProvisionId, e.Status)).Should().Equal(("P2", FindingStatus.Undetermined), ("P3", FindingStatus.NotApplicable));
        suiteCase.Expectations[0].Unknowns.Should().NotBeNull().And.BeEmpty();
        suiteCase.Expectations[0].Facts.Should().Equal(new Dictionary<string, string> { ["r"] = "req-1", ["a"] = "RPPD" });
        suiteCase.Expectations[1].Unknowns.Should().BeNull();
    }

    [Fact]
    public void ParseSuite_UndeclaredReadingsDuplicateNamesAndImpossibleExpectations_AreAllReported()
    {
        var result = Parse("""
            suite: Fixture
            ordinance: ordinance-valid.yaml
            cases:
              - name: one
                as-of: 2021-03-05T12:00
                facts: []
                readings: { p3-anchor: receipt }
                expect:
                  P2: { status: violated, unknowns: ["request req-1: kind"], due: 2021-03-05T12:00 }
                  P3: { status: complied, exception: E2a }
              - name: one
                as-of: 2021-03-05T12:00
                facts: []
                expect: {}
            """);

        TestFiles.Summary(result).Should().Equal(
            "OR6001 7:17",
            "OR6002 9:31",
            "OR6002 9:71",
            "OR6002 10:31",
            "OR6001 10:42",
            "OR6004 11:5");
    }
}
