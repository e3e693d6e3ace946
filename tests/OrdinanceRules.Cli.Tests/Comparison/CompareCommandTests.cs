using System.Text.Json;
using OrdinanceRules.Cli.Commands;

namespace OrdinanceRules.Cli.Tests.Comparison;

public class CompareCommandTests
{
    // Roeland Park's P3 gives 48 hours; Lawrence's LW-P4 (as reconstructed) sets no deadline.
    private const string LateNotice = "p3-notice-at-48h01-violated";
    private const string NoNoticeYet = "p3-no-notice-yet-pending";

    // Roeland Park's P6 covers only persons charged with a crime; Lawrence's LW-P2 covers anyone asked.
    private const string Witness = "p6-witness-not-applicable";

    [Fact]
    public void Compare_RoelandParkAndLawrence_GivesTheExactCellsAndMarksTheRowsThatDiffer()
    {
        using var folder = new ScenarioFolder(LateNotice, NoNoticeYet, Witness);

        var result = Cli.Run("compare", Samples.Ordinance, ScenarioFolder.Lawrence, "--scenarios", folder.Path, "--format", "json");

        result.ExitCode.Should().Be(CompareCommand.Differences, result.Errors);
        result.Errors.Should().BeEmpty();
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        root.GetProperty("ordinances").EnumerateArray().Select(o => o.GetProperty("label").GetString()).Should().Equal("roeland-park-ks", "lawrence-ks");
        root.GetProperty("differences").GetInt32().Should().Be(2);

        var rows = root.GetProperty("scenarios").EnumerateArray().ToDictionary(r => r.GetProperty("label").GetString()!);
        rows.Keys.Should().Equal(NoNoticeYet, LateNotice, Witness); // ordinal order of the file names
        Cells(rows[LateNotice]).Should().Equal(("violated", "P3 violated"), ("complied", "LW-P4 complied"));
        rows[LateNotice].GetProperty("differs").GetBoolean().Should().BeTrue();
        Cells(rows[NoNoticeYet]).Should().Equal(("pending", "P3 pending"), ("pending", "LW-P4 pending"));
        rows[NoNoticeYet].GetProperty("differs").GetBoolean().Should().BeFalse();
        Cells(rows[Witness]).Should().Equal(("not-applicable", string.Empty), ("violated", "LW-P2 violated"));
        rows[Witness].GetProperty("differs").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public void Compare_Json_CarriesEveryFindingWithItsReasonAndCitation()
    {
        using var folder = new ScenarioFolder(LateNotice);

        var result = Cli.Run("compare", Samples.Ordinance, ScenarioFolder.Lawrence, "--scenarios", folder.Path, "--format", "json");

        using var json = JsonDocument.Parse(result.Output);
        var cells = json.RootElement.GetProperty("scenarios")[0].GetProperty("cells");
        cells[0].GetProperty("ordinance").GetString().Should().Be("roeland-park-ks");
        cells[0].GetProperty("asOf").GetString().Should().Be("2021-02-10T12:00:00-06:00");
        cells[0].GetProperty("findings").GetArrayLength().Should().Be(8);
        var p3 = cells[0].GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("provision").GetString() == "P3");
        p3.GetProperty("citation").GetString().Should().Be("Roeland Park Ordinance 1005, § 4");
        p3.GetProperty("dueAt").GetString().Should().Be("2021-02-03T09:00:00-06:00");
        p3.GetProperty("reason").GetString().Should().Contain("was not discharged by then");
        var lwp4 = cells[1].GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("provision").GetString() == "LW-P4");
        lwp4.GetProperty("citation").GetString().Should().Be("Lawrence, Kan., ordinance of 15 Sept. 2020 (number not found), LW-5");
        lwp4.GetProperty("status").GetString().Should().Be("complied");
    }

    [Fact]
    public void Compare_AsOf_JudgesEveryCellThenAndCanMakeARowDiffer()
    {
        using var folder = new ScenarioFolder(NoNoticeYet);

        // One minute after Roeland Park's 48 hours run out; Lawrence sets no deadline.
        var result = Cli.Run("compare", Samples.Ordinance, ScenarioFolder.Lawrence, "--scenarios", folder.Path, "--format", "json", "--as-of", "2021-02-03T09:01");

        result.ExitCode.Should().Be(CompareCommand.Differences, result.Errors);
        using var json = JsonDocument.Parse(result.Output);
        Cells(json.RootElement.GetProperty("scenarios")[0]).Should().Equal(("violated", "P3 violated"), ("pending", "LW-P4 pending"));
    }

    [Fact]
    public void Compare_NoRowDiffers_ExitsZero()
    {
        using var folder = new ScenarioFolder(NoNoticeYet, "p3-dst-spring-forward-complied");

        var result = Cli.Run("compare", Samples.Ordinance, ScenarioFolder.Lawrence, "--scenarios", folder.Path);

        result.ExitCode.Should().Be(CliApp.Ok, result.Errors);
        result.OutputLines.Should().Contain("0 of 2 scenario(s) differ (the cells' verdicts, their most serious status, are not all the same).");
    }

    [Fact]
    public void Compare_SampleFolders_EveryRoelandParkScenarioLoadsUnderLawrence()
    {
        var folder = Path.GetDirectoryName(Samples.Scenario(NoNoticeYet))!;

        var result = Cli.Run("compare", Samples.Ordinance, ScenarioFolder.Lawrence, "--scenarios", folder, "--format", "json");

        result.ExitCode.Should().Be(CompareCommand.Differences, result.Errors);
        using var json = JsonDocument.Parse(result.Output);
        json.RootElement.GetProperty("scenarios").GetArrayLength().Should().Be(Directory.GetFiles(folder, "*.yaml").Length);
    }

    [Fact]
    public void Compare_ScenarioUsingOneOrdinancesVocabularyExtension_IsNotExpressibleForTheOthers()
    {
        using var folder = new ScenarioFolder(NoNoticeYet);
        folder.Write("policy-revision.yaml", ScenarioFolder.LawrencePolicyRevision);

        var result = Cli.Run("compare", Samples.Ordinance, ScenarioFolder.Lawrence, "--scenarios", folder.Path, "--format", "json");

        result.ExitCode.Should().NotBe(CliApp.BadInput, result.Errors);
        result.Errors.Should().BeEmpty();
        using var json = JsonDocument.Parse(result.Output);
        var row = json.RootElement.GetProperty("scenarios").EnumerateArray().Single(r => r.GetProperty("label").GetString() == "policy-revision");
        var cells = row.GetProperty("cells").EnumerateArray().ToList();
        cells[0].GetProperty("verdict").GetString().Should().Be("not-expressible");
        cells[0].GetProperty("notExpressible").EnumerateArray().Select(s => s.GetString()).Should()
            .Equal("fact 'rev-1' has type 'policyRevision', which the vocabulary does not declare");
        cells[0].GetProperty("findings").GetArrayLength().Should().Be(0);
        cells[0].GetProperty("decision").GetProperty("outcomes").GetArrayLength().Should().Be(0, "nothing was decided");
        cells[1].GetProperty("verdict").GetString().Should().Be("pending");
        row.GetProperty("differs").GetBoolean().Should().BeFalse("a cell that cannot express the scenario is not a disagreement");
    }

    [Fact]
    public void Compare_ScenarioThatLoadsUnderNoOrdinance_IsReportedOnceForEvery()
    {
        using var folder = new ScenarioFolder();
        var path = folder.Write("bad.yaml", """
            scenario: A fact of no known type
            as-of: 2021-04-01T12:00
            facts:
              - spaceship: s-1
            """);

        var result = Cli.Run("compare", Samples.Ordinance, ScenarioFolder.Lawrence, "--scenarios", folder.Path);

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.ErrorLines.Should().ContainSingle().Which.Should()
            .StartWith($"{path}:4:5: error OR3001: ").And.EndWith("(the scenario does not load under every ordinance)");
    }

    [Theory]
    [InlineData(new[] { "--format", "pdf" }, "error OR5000: --format must be text, markdown, json or html, not 'pdf'")]
    [InlineData(new[] { "--as-of", "yesterday" }, "error OR5001: --as-of: ")]
    public void Compare_BadOption_ExitsTwo(string[] options, string expected)
    {
        using var folder = new ScenarioFolder(NoNoticeYet);

        var result = Cli.Run(["compare", Samples.Ordinance, ScenarioFolder.Lawrence, "--scenarios", folder.Path, .. options]);

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.Output.Should().BeEmpty();
        result.Errors.Should().StartWith(expected);
    }

    [Fact]
    public void Compare_WithoutScenarios_ExitsTwo()
    {
        var result = Cli.Run("compare", Samples.Ordinance, ScenarioFolder.Lawrence);

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.Errors.Should().StartWith("error OR5000: --scenarios <FOLDER> is required");
    }

    [Fact]
    public void Compare_EmptyOrMissingFolder_ExitsTwo()
    {
        using var folder = new ScenarioFolder();

        var empty = Cli.Run("compare", Samples.Ordinance, "--scenarios", folder.Path);
        var missing = Cli.Run("compare", Samples.Ordinance, "--scenarios", Path.Combine(folder.Path, "nowhere"));

        empty.ExitCode.Should().Be(CliApp.BadInput);
        empty.Errors.Should().StartWith("error OR5101: --scenarios: the folder");
        missing.ExitCode.Should().Be(CliApp.BadInput);
        missing.Errors.Should().StartWith("error OR5101: --scenarios: ").And.Contain("is not a folder");
    }

    private static IEnumerable<(string Verdict, string Summary)> Cells(JsonElement row) =>
        row.GetProperty("cells").EnumerateArray().Select(c => (
            c.GetProperty("verdict").GetString()!,
            string.Join("; ", c.GetProperty("summary").EnumerateArray().Select(s => s.GetString()))));
}
