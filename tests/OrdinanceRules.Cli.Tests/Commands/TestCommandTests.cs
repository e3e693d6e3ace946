using System.Xml.Linq;

namespace OrdinanceRules.Cli.Tests.Commands;

public class TestCommandTests
{
    private static string RoelandParkSuite => Path.Combine(Path.GetDirectoryName(Samples.Ordinance)!, "..", "tests", "roeland-park", "roeland-park.suite.yaml");

    /// <summary>Two cases, the second with a wrong expectation for P2 and a right one for P4.</summary>
    private const string Failing = """
        suite: Gaps and one failure
        ordinance: ordinance.yaml
        cases:
          - name: detainer hold
            scenario: p2-detainer-hold-violated.yaml
            expect:
              P2: violated
          - name: permit denied
            scenario: p4-permit-denied-incomplete-complied.yaml
            expect:
              P2: violated
              P4: complied
        """;

    [Fact]
    public void Test_RoelandParkSuite_PassesWithFullCoverage()
    {
        var result = Cli.Run("test", RoelandParkSuite, "--coverage", "--min-coverage", "100");

        result.ExitCode.Should().Be(CliApp.Ok, result.Errors);
        result.OutputLines.Should().Contain("1 suite, 78 cases: 78 passed, 0 failed")
            .And.Contain("  P3   15/15  reached: violated, complied, exception E3, not-applicable, pending, undetermined, reading p3-anchor=receipt, reading p3-anchor=actual-reading, reading p3-anchor=before-activity, reading p3-end=inclusive, reading p3-end=exclusive, reading p3-knowledge=rppd-only, reading p3-knowledge=any-city-department, reading p3-completed-activity=excluded, reading p3-completed-activity=included")
            .And.Contain("Coverage: 54 of 54 outcomes (100.0%)");
    }

    [Fact]
    public void Test_FailingCase_PrintsExpectedActualAndReasonAndExitsOne()
    {
        using var folder = new SuiteFolder(Failing);

        var result = Cli.Run("test", folder.Suite);

        result.ExitCode.Should().Be(CliApp.Violation, result.Errors);
        result.OutputLines.Should().Equal(
            $"FAIL {folder.Suite}:8:5: case 'permit denied' failed",
            "  P2",
            "    expected: violated",
            "    actual:   not-applicable",
            "    reason:   Nothing in the scenario falls under this provision: it has no action that P2 covers.",
            string.Empty,
            "1 suite, 2 cases: 1 passed, 1 failed");
    }

    [Fact]
    public void Test_FailingCaseAsJson_NamesTheMismatchAndExitsOne()
    {
        using var folder = new SuiteFolder(Failing);

        var result = Cli.Run("test", folder.Suite, "--format", "json");

        result.ExitCode.Should().Be(CliApp.Violation, result.Errors);
        var suite = OrdinanceRules.Json.OrdinanceJson.Read<OrdinanceRules.Json.TestRunDocument>(result.Output).Suites.Should().ContainSingle().Subject;
        (suite.Passed, suite.Failed).Should().Be((1, 1));
        var failed = suite.Cases.Should().ContainSingle(c => !c.Passed).Subject;
        failed.Location.Should().Be($"{folder.Suite}:8:5");
        var mismatch = failed.Mismatches.Should().ContainSingle().Subject;
        (mismatch.Provision, mismatch.Expected, mismatch.Actual).Should().Be(("P2", "violated", "not-applicable"));
    }

    [Fact]
    public void Test_Folder_FindsSuiteFilesOnly()
    {
        using var folder = new SuiteFolder(Failing);

        var result = Cli.Run("test", folder.Path);

        result.ExitCode.Should().Be(CliApp.Violation, result.Errors);
        result.OutputLines.Should().Contain("1 suite, 2 cases: 1 passed, 1 failed");
    }

    [Fact]
    public void Test_FolderWithoutSuites_IsBadInput()
    {
        var result = Cli.Run("test", Path.GetDirectoryName(Samples.Ordinance)!);

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.Output.Should().BeEmpty();
        result.ErrorLines.Should().ContainSingle().Which.Should().StartWith("error OR5003: the folder").And.EndWith("holds no test suite (files named *.suite.yaml or *.suite.yml)");
    }

    [Fact]
    public void Test_JUnit_WritesOneTestcasePerCaseWithTheFailure()
    {
        using var folder = new SuiteFolder(Failing);
        var junit = Path.Combine(folder.Path, "results.xml");

        var result = Cli.Run("test", folder.Suite, "--junit", junit);

        result.ExitCode.Should().Be(CliApp.Violation, result.Errors);
        var root = XDocument.Load(junit).Root!;
        root.Name.LocalName.Should().Be("testsuites");
        ((int)root.Attribute("tests")!).Should().Be(2);
        ((int)root.Attribute("failures")!).Should().Be(1);
        var suite = root.Elements("testsuite").Should().ContainSingle().Subject;
        suite.Attribute("name")!.Value.Should().Be("Gaps and one failure");
        ((int)suite.Attribute("tests")!).Should().Be(2);
        ((int)suite.Attribute("failures")!).Should().Be(1);
        var cases = suite.Elements("testcase").ToList();
        cases.Select(c => c.Attribute("name")!.Value).Should().Equal("detainer hold", "permit denied");
        cases.Select(c => (int)c.Attribute("line")!).Should().Equal(4, 8);
        cases[0].Elements("failure").Should().BeEmpty();
        var failure = cases[1].Elements("failure").Should().ContainSingle().Subject;
        failure.Attribute("message")!.Value.Should().Be("P2: expected violated, actual not-applicable");
        failure.Value.Should().Contain("  expected: violated\n  actual:   not-applicable\n  reason:   Nothing in the scenario falls under this provision");
    }

    [Fact]
    public void Test_Coverage_ListsReachedAndMissedOutcomesWithExactFigures()
    {
        using var folder = new SuiteFolder(Failing);

        var result = Cli.Run("test", folder.Suite, "--coverage");

        result.ExitCode.Should().Be(CliApp.Violation);
        result.OutputLines.Should().ContainInOrder(
            $"Outcome coverage of Roeland Park Ordinance 1005 ({Path.Combine(folder.Path, "ordinance.yaml")})",
            "  P1a  1/4  reached: not-applicable; missed: violated, complied, undetermined",
            "  P1b  1/4  reached: not-applicable; missed: violated, complied, undetermined",
            "  P2   4/12  reached: violated, not-applicable, reading p2-judicial-warrant=not-an-exception, reading e2a-specificity=specific-only; missed: complied, exception E2a, exception E2b, exception E2c, exception E2d, undetermined, reading p2-judicial-warrant=exception-for-criminal-immigration, reading e2a-specificity=any-threat",
            "  P3   5/15  reached: not-applicable, reading p3-anchor=receipt, reading p3-end=inclusive, reading p3-knowledge=rppd-only, reading p3-completed-activity=excluded; missed: violated, complied, exception E3, pending, undetermined, reading p3-anchor=actual-reading, reading p3-anchor=before-activity, reading p3-end=exclusive, reading p3-knowledge=any-city-department, reading p3-completed-activity=included",
            "  P4   2/5  reached: complied, not-applicable; missed: violated, exception E4, undetermined",
            "  P4b  1/5  reached: not-applicable; missed: violated, complied, exception E4b, undetermined",
            "  P5   1/4  reached: not-applicable; missed: violated, complied, undetermined",
            "  P6   1/5  reached: not-applicable; missed: violated, complied, exception E6, undetermined",
            "Coverage: 16 of 54 outcomes (29.6%)");
    }

    [Theory]
    [InlineData("25", CliApp.Ok)]
    [InlineData("29.6", CliApp.Ok)]
    [InlineData("29.7", CliApp.Violation)]
    [InlineData("100", CliApp.Violation)]
    public void Test_MinCoverage_FailsBelowTheMinimum(string minimum, int expected)
    {
        using var folder = new SuiteFolder(Failing.Replace("      P2: violated\n      P4: complied", "      P4: complied", StringComparison.Ordinal));

        var result = Cli.Run("test", folder.Suite, "--min-coverage", minimum);

        result.ExitCode.Should().Be(expected, result.Output + result.Errors);
        result.OutputLines.Should().Contain("1 suite, 2 cases: 2 passed, 0 failed").And.Contain("Coverage: 16 of 54 outcomes (29.6%)");
        if (expected == CliApp.Violation)
        {
            result.OutputLines.Should().Contain($"Coverage 29.6% is below the minimum of {minimum}%.");
        }
    }

    [Theory]
    [InlineData("ninety")]
    [InlineData("101")]
    [InlineData("-5")]
    public void Test_BadMinCoverage_IsBadInput(string minimum)
    {
        var result = Cli.Run("test", RoelandParkSuite, "--min-coverage", minimum);

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.ErrorLines.Should().ContainSingle().Which.Should().StartWith("error OR5000:");
    }

    [Fact]
    public void Test_MalformedSuite_ReportsEveryProblemAtItsLineAndColumn()
    {
        using var folder = new SuiteFolder("""
            suite: Malformed
            ordinance: ordinance.yaml
            cases:
              - scenario: p2-detainer-hold-violated.yaml
                expct:
                  P2: violated
              - name: inline
                facts: []
                expect:
                  P2: { status: pending, exception: E9 }
                  P3:
                    - facts: { x: op-1 }
                      status: violated
              - scenario: no-such-file.yaml
                expect: { P2: violated }
            """);

        var result = Cli.Run("test", folder.Suite);

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.Output.Should().BeEmpty();
        var file = folder.Suite;
        result.ErrorLines.Should().Equal(
            $"{file}:4:5: error OR4005: missing required key 'expect' in case 1",
            $"{file}:5:5: error OR4002: unknown key 'expct' in case 1; did you mean 'expect'?",
            $"{file}:7:5: error OR6003: case 'inline' names no as-of instant, and neither does its scenario; add 'as-of:' to the case",
            $"{file}:10:21: error OR6002: only an obligation can be pending; P2 is a prohibition",
            $"{file}:10:41: error OR6001: provision P2 has no exception 'E9' (it has E2a, E2b, E2c, E2d); did you mean 'E2a'?",
            $"{file}:12:20: error OR6001: provision P3 binds no variable 'x' (it binds o, k, n); did you mean 'k'?",
            $"{file}:14:15: error OR4009: cannot read '{Path.Combine(folder.Path, "no-such-file.yaml")}': the file does not exist");
    }

    /// <summary>A folder with the Roeland Park ordinance, two of its scenarios and a suite, deleted afterwards.</summary>
    private sealed class SuiteFolder : IDisposable
    {
        public SuiteFolder(string suite)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ordinance-cli-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
            File.Copy(Samples.Ordinance, System.IO.Path.Combine(Path, "ordinance.yaml"));
            foreach (var name in new[] { "p2-detainer-hold-violated", "p4-permit-denied-incomplete-complied" })
            {
                File.Copy(Samples.Scenario(name), System.IO.Path.Combine(Path, name + ".yaml"));
            }

            Suite = System.IO.Path.Combine(Path, "gaps.suite.yaml");
            File.WriteAllText(Suite, suite.ReplaceLineEndings("\n"));
        }

        public string Path { get; }

        public string Suite { get; }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
