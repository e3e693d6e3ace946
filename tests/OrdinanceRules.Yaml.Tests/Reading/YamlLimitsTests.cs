using System.Text;
using OrdinanceRules.Yaml.Reading;

namespace OrdinanceRules.Yaml.Tests.Reading;

public class YamlLimitsTests
{
    private static readonly Model.Ordinance Ordinance = TestFiles.ValidOrdinance();

    [Fact]
    public void ParseOrdinance_FileOverOneMebibyte_IsRefusedBeforeParsing()
    {
        // Unbalanced on purpose: a parser that ran would report a syntax error instead.
        var yaml = "title: [" + new string('x', YamlLimits.MaxFileBytes);

        TestFiles.Single(TestFiles.Ordinance(yaml)).Should().Be((YamlDiagnosticCodes.LimitExceeded, "1:1", "the file is larger than 1 MiB"));
    }

    [Fact]
    public void LoadOrdinance_FileOverOneMebibyte_IsRefusedBeforeReading()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ordinance-rules-big-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "notes: " + new string('x', YamlLimits.MaxFileBytes));
        try
        {
            TestFiles.Single(OrdinanceYaml.LoadOrdinance(path)).Code.Should().Be(YamlDiagnosticCodes.LimitExceeded);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ParseOrdinance_NestingDeeperThan32_ReportsOnceAtTheDeepNode()
    {
        // The root mapping is level 1; 32 flow lists inside it reach level 33.
        var yaml = "notes: " + new string('[', 32) + new string(']', 32) + "\n";

        TestFiles.Single(TestFiles.Ordinance(yaml)).Should().Be((
            YamlDiagnosticCodes.LimitExceeded,
            "1:39",
            "mappings and lists are nested more than 32 levels deep"));
    }

    [Fact]
    public void ParseOrdinance_Nesting32Deep_IsNotALimitProblem()
    {
        var yaml = "notes: " + new string('[', 31) + new string(']', 31) + "\n";

        TestFiles.Ordinance(yaml).Diagnostics.Should().NotContain(d => d.Code == YamlDiagnosticCodes.LimitExceeded);
    }

    [Fact]
    public void ParseOrdinance_Alias_IsRejected()
    {
        var result = TestFiles.Ordinance("""
            ordinance: &n "1"
            title: *n
            """);

        TestFiles.Summary(result).Should().Contain(["OR4007 1:12", "OR4007 2:8"]);
        result.Diagnostics.Single(d => d.Location!.Line == 2).Message.Should().Be("aliases such as '*n' are not allowed; write the value out");
        result.Diagnostics.Should().NotContain(d => d.Message.Contains("'title'", StringComparison.Ordinal), "the alias was reported once");
    }

    [Fact]
    public void ParseOrdinance_ScalarOver64KiB_IsReported()
    {
        var yaml = "notes: " + new string('x', YamlLimits.MaxScalarLength + 1) + "\n";

        TestFiles.Ordinance(yaml).Diagnostics.Should().ContainSingle(d => d.Code == YamlDiagnosticCodes.LimitExceeded)
            .Which.Location!.Column.Should().Be(8);
    }

    [Fact]
    public void ParseScenario_MoreThan10000Facts_ReportsTheLimitAtTheFirstFactOver()
    {
        var yaml = new StringBuilder("scenario: Many\nfacts:\n");
        for (var i = 0; i <= YamlLimits.MaxFacts; i++)
        {
            yaml.Append("  - { threat: t").Append(i).Append(" }\n");
        }

        var result = OrdinanceYaml.ParseScenario(yaml.ToString(), "many.yaml", Ordinance);

        TestFiles.Single(result).Should().Be((
            YamlDiagnosticCodes.LimitExceeded,
            $"{YamlLimits.MaxFacts + 3}:5",
            "a scenario states at most 10,000 facts; this one states 10,001"));
    }

    [Fact]
    public void ParseScenario_Exactly10000Facts_IsRead()
    {
        var yaml = new StringBuilder("scenario: Many\nfacts:\n");
        for (var i = 0; i < YamlLimits.MaxFacts; i++)
        {
            yaml.Append("  - { threat: t").Append(i).Append(" }\n");
        }

        OrdinanceYaml.ParseScenario(yaml.ToString(), "many.yaml", Ordinance).Value!.Facts.Should().HaveCount(YamlLimits.MaxFacts);
    }

    [Fact]
    public void ParseOrdinance_Tag_IsRejected()
    {
        var result = TestFiles.Ordinance("ordinance: !!str 1\n");

        result.Diagnostics.Should().Contain(d => d.Code == YamlDiagnosticCodes.WrongShape && d.Location!.Line == 1 && d.Location.Column == 12);
    }

    [Fact]
    public void ParseOrdinance_SecondDocument_IsRejected()
    {
        var result = TestFiles.Ordinance("ordinance: \"1\"\n---\ntitle: T\n");

        result.Diagnostics.Should().Contain(d => d.Code == YamlDiagnosticCodes.WrongShape && d.Location!.Line == 2);
    }
}
