namespace OrdinanceRules.Cli.Tests.Audit;

/// <summary>
/// <c>ordinance audit</c> over real files: the bundled year of records through the bundled mapping, bad records that
/// are reported at their line and skipped, NDJSON scenarios, CSV output, and the same output on any number of cores.
/// </summary>
public class AuditCommandTests
{
    private static readonly string Records = Path.Combine(Samples.Root, "samples", "records", "roeland-park-requests-2021.csv");
    private static readonly string Mapping = Path.Combine(Samples.Root, "samples", "records", "roeland-park-requests.mapping.yaml");

    [Fact]
    public void Audit_BundledRecords_WritesEveryFindingAndASummaryThatAccountsForEveryRecord()
    {
        var result = Cli.Run("audit", Samples.Ordinance, Records, "--mapping", Mapping);

        result.ExitCode.Should().Be(1, "some requests were answered in breach of § 3");
        result.OutputLines.Should().HaveCount(8 * 1000, "eight findings a record");
        result.OutputLines[0].Should().StartWith("{\"line\":2,\"scenario\":\"Request r-0000001\",\"provision\":\"P1a\"");
        result.ErrorLines[0].Should().Be("roeland-park-requests-2021.csv: 1000 records read, 1000 evaluated, 0 rejected");
        result.ErrorLines.Should().Contain(l => l.StartsWith("  P2: ", StringComparison.Ordinal) && l.Contains(" violated", StringComparison.Ordinal));
        foreach (var line in result.ErrorLines.Skip(1))
        {
            line.Split(": ")[1].Split(", ").Sum(c => long.Parse(c.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)).Should().Be(1000, line);
        }
    }

    [Fact]
    public void Audit_BadRows_ReportsEachAtItsLineSkipsItAndGoesOn()
    {
        using var temp = new TempFolder();
        var lines = File.ReadLines(Records).Take(3).ToList();
        lines.Insert(2, lines[1].Replace(",phone,", ",carrier-pigeon,", StringComparison.Ordinal).Replace(",radio,", ",carrier-pigeon,", StringComparison.Ordinal));
        lines.Insert(3, "r-9,2021-01-01T00:00:00-06:00");
        File.WriteAllText(temp["records.csv"], string.Join('\n', lines) + "\n");

        var result = Cli.Run("audit", Samples.Ordinance, temp["records.csv"], "--mapping", Mapping);

        result.ErrorLines[0].Should().Be("records.csv: 4 records read, 2 evaluated, 2 rejected");
        result.ErrorLines.Should().Contain("Rejected records:");
        result.ErrorLines.Should().Contain(l => l.StartsWith("  records.csv:3:1: error OR3001: ", StringComparison.Ordinal) && l.Contains("carrier-pigeon", StringComparison.Ordinal) && l.EndsWith("(from roeland-park-requests.mapping.yaml:29)", StringComparison.Ordinal));
        result.ErrorLines.Should().Contain("  records.csv:4:1: error OR5603: the row has 2 fields, fewer than the header's 9");
        result.OutputLines.Select(l => l[..9]).Distinct().Should().Equal("{\"line\":2", "{\"line\":5");
    }

    [Fact]
    public void Audit_NdjsonScenarios_EvaluatesEachLineAndLocatesTheBadOnes()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp["records.ndjson"], string.Join('\n',
            """{"scenario": "RPPD alone", "as-of": "2021-06-10T12:00:00-05:00", "facts": [{"agency": "RPPD", "level": "city", "isCityDepartment": "unknown"}]}""",
            """{"scenario": "cut short", "facts": [""",
            "",
            """{"scenario": "Bad level", "as-of": "2021-06-10T12:00:00-05:00", "facts": [{"agency": "RPPD", "level": "town"}]}""") + "\n");

        var result = Cli.Run("audit", Samples.Ordinance, temp["records.ndjson"]);

        result.ExitCode.Should().Be(0);
        result.OutputLines.Should().HaveCount(8).And.OnlyContain(l => l.StartsWith("{\"line\":1,\"scenario\":\"RPPD alone\"", StringComparison.Ordinal));
        result.ErrorLines[0].Should().Be("records.ndjson: 3 records read, 1 evaluated, 2 rejected");
        result.ErrorLines.Should().Contain(l => l.StartsWith("  records.ndjson:2:", StringComparison.Ordinal) && l.Contains("error OR5603: the line is not well-formed JSON", StringComparison.Ordinal));
        result.ErrorLines.Should().Contain("  records.ndjson:4:103: error OR3001: 'RPPD.level' is 'town', which is not one of: federal, state, county, city");
    }

    [Fact]
    public void Audit_CsvFormat_WritesAHeaderThenOneRowAFinding()
    {
        var result = Cli.Run("audit", Samples.Ordinance, Records, "--mapping", Mapping, "--format", "csv");

        result.OutputLines[0].Should().Be("line,scenario,provision,facts,status,citation,reason");
        result.OutputLines.Should().HaveCount(1 + 8000);
        result.OutputLines[3].Should().StartWith("2,Request r-0000001,P2,a=act-1,violated,\"Roeland Park Ordinance 1005, § 3\",");
    }

    [Fact]
    public void Audit_Parallel_WritesExactlyWhatOneCoreWrites()
    {
        var one = Cli.Run("audit", Samples.Ordinance, Records, "--mapping", Mapping);
        var two = Cli.Run("audit", Samples.Ordinance, Records, "--mapping", Mapping, "--parallel", "2");

        two.Output.Should().Be(one.Output);
        two.Errors.Should().Be(one.Errors);
    }

    [Fact]
    public void Audit_CsvWithoutMapping_FailsSayingWhatItNeeds()
    {
        var result = Cli.Run("audit", Samples.Ordinance, Records);

        result.ExitCode.Should().Be(2);
        result.Errors.Should().Contain("error OR5601:").And.Contain("CSV records need --mapping");
    }

    [Fact]
    public void Audit_MappingNamesAMissingColumn_FailsAtItsLineAndColumn()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp["mapping.yaml"], File.ReadAllText(Mapping).Replace("${channel}", "${medium}", StringComparison.Ordinal));

        var result = Cli.Run("audit", Samples.Ordinance, Records, "--mapping", temp["mapping.yaml"]);

        result.ExitCode.Should().Be(2);
        result.Errors.Should().Contain("mapping.yaml:29:14: error OR5602: ${medium}: roeland-park-requests-2021.csv has no column 'medium'; its columns are: id, decided, received");
    }
}
