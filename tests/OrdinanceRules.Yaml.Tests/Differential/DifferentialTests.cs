using OrdinanceRules.Yaml.Tests.Samples;

namespace OrdinanceRules.Yaml.Tests.Differential;

/// <summary>
/// The differential test of how provisions compile: every bundled scenario, under every reading and law stack the
/// samples use, gives exactly the findings recorded in TestData/differential/findings.txt (same order, statuses,
/// facts, exceptions, unknowns, instants and reasons), whatever rules the compiler now builds for them.
/// </summary>
public class DifferentialTests
{
    /// <summary>The environment variable that, set to 1, makes the recorder rewrite the record (see its README).</summary>
    private const string RecordVariable = "ORDINANCE_RECORD_DIFFERENTIAL";

    [Fact]
    public void Evaluate_EveryBundledScenarioUnderEveryReadingAndStack_GivesTheRecordedFindings()
    {
        var recorded = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, DifferentialRecord.RelativePath)).ReplaceLineEndings("\n");

        var actual = DifferentialRecord.Render();

        if (actual != recorded)
        {
            var a = actual.Split('\n');
            var r = recorded.Split('\n');
            var first = Enumerable.Range(0, Math.Min(a.Length, r.Length)).FirstOrDefault(i => a[i] != r[i], Math.Min(a.Length, r.Length));
            var header = r.Take(first + 1).LastOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal)) ?? "(start)";
            actual.Should().Be(recorded, "the findings must not change; first difference at line {0}, under {1}:\nrecorded: {2}\nnow:      {3}",
                first + 1, header, first < r.Length ? r[first] : "(end)", first < a.Length ? a[first] : "(end)");
        }
    }

    [Fact]
    public void Render_TwiceOverTheSamples_IsDeterministicAndRecordsOnlyWhenAsked()
    {
        var once = DifferentialRecord.Render();
        var twice = DifferentialRecord.Render();

        twice.Should().Be(once);
        once.Should().Contain("# roeland-park-ks | roeland-park/p2-detainer-hold-violated.yaml").And.Contain("readings: p3-anchor=actual-reading");
        if (Environment.GetEnvironmentVariable(RecordVariable) == "1")
        {
            File.WriteAllText(Repository.PathOf("tests", "OrdinanceRules.Yaml.Tests", DifferentialRecord.RelativePath), once);
        }
    }
}
