using OrdinanceRules.Diagnostics;
using Xunit.Abstractions;

namespace OrdinanceRules.Testing.Tests;

public class OrdinanceSuiteAttributeTests
{
    private const string Suite = "samples/tests/roeland-park/roeland-park.suite.yaml";

    [Fact]
    public void GetData_RoelandParkSuite_GivesOneRowPerCase()
    {
        var rows = new OrdinanceSuiteAttribute(Suite).GetData(typeof(OrdinanceSuiteAttributeTests).GetMethod(nameof(GetData_RoelandParkSuite_GivesOneRowPerCase))!).ToList();

        rows.Should().HaveCount(78).And.OnlyContain(r => r.Length == 1 && r[0] is OrdinanceSuiteCase);
        var cases = rows.Select(r => (OrdinanceSuiteCase)r[0]).ToList();
        cases.Select(c => c.Name).Should().OnlyHaveUniqueItems();
        cases[0].ToString().Should().Be("roeland-park.suite.yaml: Sergeant orders an officer to control traffic for an ICE arrest");
        cases[^1].Name.Should().Be("reading-rp-in-force-status-question-after-adoption under rp-in-force=publication-unknown");
    }

    [Fact]
    public void OrdinanceSuiteCase_SerializedAndBack_RunsTheSameCase()
    {
        var original = OrdinanceSuiteData.Cases(Suite)[23];
        var info = new Info();
        original.Serialize(info);

#pragma warning disable CS0618 // The constructor is for xunit's deserializer, which this test plays.
        var copy = new OrdinanceSuiteCase();
#pragma warning restore CS0618
        copy.Deserialize(info);

        copy.ToString().Should().Be(original.ToString());
        copy.Run().Report!.Scenario.Should().Be(original.Name);
    }

    [Fact]
    public void Passes_FailingCase_ThrowsXunitsExceptionWithExpectedActualAndReason()
    {
        using var folder = new SuiteFolder("""
            suite: One wrong expectation
            ordinance: ordinance.yaml
            cases:
              - scenario: p3-no-notice-yet-pending.yaml
                expect:
                  P3: violated
                  P2: not-applicable
            """);
        var suiteCase = OrdinanceSuiteData.Cases(folder.Suite).Should().ContainSingle().Subject;

        var act = () => OrdinanceAssert.Passes(suiteCase);

        var thrown = act.Should().Throw<OrdinanceSuiteCaseException>().Which;
        thrown.Should().BeAssignableTo<Xunit.Sdk.XunitException>();
        thrown.Message.ReplaceLineEndings("\n").Should().Be($"""
            {folder.Suite}:4:5: case 'No alert yet, 32.5 hours after RPPD learned of a planned ICE arrest' failed
            P3 (o=op-1, k=k-1)
              expected: violated
              actual:   pending, due 2021-02-03T09:00:00-06:00
              reason:   {thrown.Result.Report!.For("P3").Single().Reason}
            """);
        thrown.Result.Report.For("P3").Single().Reason.Should().StartWith("The duty arising from operation op-1");
    }

    [Fact]
    public void Cases_SuiteWithProblems_ThrowsWithEveryProblemAtItsLineAndColumn()
    {
        using var folder = new SuiteFolder("""
            suite: Typos
            ordinance: ordinance.yaml
            cases:
              - scenario: p3-no-notice-yet-pending.yaml
                expect:
                  P7: violated
                  P3: pendng
            """);

        var act = () => OrdinanceSuiteData.Cases(folder.Suite);

        act.Should().Throw<OrdinanceDiagnosticException>().Which.Diagnostics.Select(d => d.ToString()).Should().Equal(
            $"{folder.Suite}:6:7: error OR6001: the ordinance has no provision 'P7' (it has P1a, P1b, P2, P3, P4, P4b, P5, P6); did you mean 'P2'?",
            $"{folder.Suite}:7:11: error OR4008: 'pendng' is not a status; write one of violated, complied, exception-applies, not-applicable, pending, undetermined; did you mean 'pending'?");
    }

    private sealed class Info : IXunitSerializationInfo
    {
        private readonly Dictionary<string, object?> _values = [];

        public void AddValue(string key, object? value, Type? type = null) => _values[key] = value;

        public object? GetValue(string key, Type type) => _values[key];

        public T GetValue<T>(string key) => (T)_values[key]!;
    }

    /// <summary>A folder with the Roeland Park ordinance, one of its scenarios and a suite file, deleted afterwards.</summary>
    private sealed class SuiteFolder : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "ordinance-testing-tests", Guid.NewGuid().ToString("N"));

        public SuiteFolder(string suite)
        {
            Directory.CreateDirectory(_folder);
            File.Copy(Repository.PathOf("samples", "ordinances", "roeland-park-ks.yaml"), Path.Combine(_folder, "ordinance.yaml"));
            File.Copy(Repository.PathOf("samples", "scenarios", "roeland-park", "p3-no-notice-yet-pending.yaml"), Path.Combine(_folder, "p3-no-notice-yet-pending.yaml"));
            Suite = Path.Combine(_folder, "test.suite.yaml");
            File.WriteAllText(Suite, suite.ReplaceLineEndings("\n"));
        }

        public string Suite { get; }

        public void Dispose() => Directory.Delete(_folder, recursive: true);
    }
}
