using OrdinanceRules.Diagnostics;

namespace OrdinanceRules.Cli.Tests.Commands;

/// <summary>What every command shares: standard input as '-', a folder where a file is expected, colour, the version.</summary>
public class CommandLineConventionTests
{
    private const string Violated = "p2-detainer-hold-violated";

    /// <summary>
    /// Every command that <c>ordinance --help</c> lists offers <c>--format json</c>, except the two whose output is no one
    /// document: <c>audit</c> streams one JSON object a line (<c>--format ndjson</c>), <c>serve</c> answers HTTP requests.
    /// </summary>
    [Fact]
    public void EveryCommand_OffersFormatJson()
    {
        var commands = Commands();
        commands.Should().Contain(["check", "vocabulary", "samples list", "audit", "serve"]);

        foreach (var command in commands)
        {
            var help = Cli.Run([.. command.Split(' '), "--help"]).Output;
            if (command is "audit")
            {
                help.Should().Contain("ndjson (one JSON line a finding)");
            }
            else if (command is not "serve")
            {
                help.Should().MatchRegex(@"--format <FORMAT>.*\bjson\b", $"`ordinance {command}` writes the JSON contract with --format json");
            }
        }
    }

    /// <summary>
    /// Every command that reads an ordinance, vocabulary or suite file takes <c>--allow-outside</c>, and every one that
    /// reads scenarios or records takes <c>--show-sensitive</c>, each described alike in every <c>--help</c>. The
    /// others write or serve files: <c>init</c> and <c>samples</c> write them, <c>serve</c> keeps each ordinance to its own folder.
    /// </summary>
    [Fact]
    public void EveryCommandThatReadsFiles_OffersAllowOutside_AndEveryOneThatReadsScenarios_ShowSensitive_DescribedAlike()
    {
        string[] writers = ["init", "samples list", "samples copy", "serve"];
        string[] scenarioReaders = ["check", "validate", "test", "compare", "explain", "what-if", "interview", "audit"];
        var commands = Commands();
        commands.Should().Contain(scenarioReaders).And.Contain(["readings", "vocabulary", "analyze", "diff"]);

        foreach (var command in commands.Except(writers))
        {
            var help = Flat(Cli.Run([.. command.Split(' '), "--help"]).Output);
            help.Should().Contain("--allow-outside " + Shown(OptionText.AllowOutside), $"`ordinance {command}` reads files");
            if (scenarioReaders.Contains(command))
            {
                help.Should().Contain("--show-sensitive " + Shown(OptionText.ShowSensitive), $"`ordinance {command}` reads scenarios or records");
            }
        }
    }

    /// <summary>The commands <c>ordinance --help</c> lists, with <c>samples</c>' two.</summary>
    private static List<string> Commands() => [.. Cli.Run("--help").OutputLines
        .SkipWhile(l => l.Trim() != "COMMANDS:").Skip(1)
        .Where(l => l.StartsWith("    ", StringComparison.Ordinal) && !l.StartsWith("     ", StringComparison.Ordinal))
        .Select(l => l.Trim().Split(' ')[0])
        .SelectMany(c => c == "samples" ? ["samples list", "samples copy"] : new[] { c })];

    /// <summary>A description as <c>--help</c> shows it: its markup escapes undone, its final period dropped.</summary>
    private static string Shown(string description) =>
        Flat(description.Replace("[[", "[", StringComparison.Ordinal).Replace("]]", "]", StringComparison.Ordinal)).TrimEnd('.');

    /// <summary>The text with every run of white space one space: a help table wraps its descriptions.</summary>
    private static string Flat(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    [Fact]
    public void Check_DashForAScenario_ReadsItFromStandardInput()
    {
        var result = Cli.Start(File.ReadAllText(Samples.Scenario(Violated)), null, "check", Samples.Ordinance, "-");

        result.ExitCode.Should().Be(CliApp.Violation, result.Errors);
        result.Output.Should().Contain("RPPD holds a person past release on an ICE detainer");
    }

    [Fact]
    public void Check_BrokenScenarioOnStandardInput_IsLocatedInStdin()
    {
        var result = Cli.Start("scenario: x\nfacts:\n  - agency: A\n    colour: red\n", null, "check", Samples.Ordinance, "-", "--as-of", "2021-01-01T00:00");

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.Errors.Should().StartWith("<stdin>:4:5: error OR3001: ");
    }

    [Theory]
    [InlineData("check")]
    [InlineData("validate")]
    public void Start_InvalidUtf8OnStandardInput_IsLocatedAsInAFile(string command)
    {
        // A lone continuation byte inside "colour", on line 4, column 7.
        byte[] bytes = [.. "scenario: x\nfacts:\n  - agency: A\n    co"u8, 0x80, .. "lour: red\n"u8];
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "bad.yaml");
        File.WriteAllBytes(file, bytes);
        string[] args = command == "check" ? ["check", Samples.Ordinance, "-", "--as-of", "2021-01-01T00:00"] : ["validate", "-", "--ordinance", Samples.Ordinance];

        var piped = Cli.Start(bytes, null, args);
        var fromFile = Cli.Start([], null, [.. args.Select(a => a == "-" ? file : a)]);

        piped.ExitCode.Should().Be(CliApp.BadInput);
        piped.Errors.Should().Contain("<stdin>:4:7: error OR4010: the file is not valid UTF-8: byte 0x80 at this place is not part of a UTF-8 character; save the file as UTF-8");
        fromFile.Errors.Should().Contain($"{file}:4:7: error OR4010: the file is not valid UTF-8: byte 0x80");
    }

    [Fact]
    public void Start_StandardInputOverTheFileLimit_IsALimitError()
    {
        var bytes = new byte[Limits.MaxFileBytes + 10];
        Array.Fill(bytes, (byte)'#');

        var result = Cli.Start(bytes, null, "check", Samples.Ordinance, "-", "--as-of", "2021-01-01T00:00");

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.Errors.Should().Contain("<stdin>:1:1: error OR4006: standard input is larger than 1 MiB");
    }

    [Fact]
    public void Check_FolderWhereAFileIsExpected_SaysItIsAFolder()
    {
        var folder = Path.GetDirectoryName(Samples.Scenario(Violated))!;

        var scenario = Cli.Run("check", Samples.Ordinance, folder);
        var ordinance = Cli.Run("check", folder, Samples.Scenario(Violated));

        scenario.ExitCode.Should().Be(CliApp.BadInput);
        scenario.Errors.Should().Contain($"error OR4009: cannot read '{folder}': it is a folder, and a file is needed here; name one of the files in it");
        ordinance.Errors.Should().Contain("it is a folder, and a file is needed here");
    }

    [Theory]
    [InlineData(null, "always", true)]
    [InlineData("1", "always", true)]
    [InlineData(null, "never", false)]
    [InlineData(null, "auto", false)]
    [InlineData("1", "auto", false)]
    public void Start_ColorOption_DecidesWhetherEscapesAreWritten(string? noColor, string color, bool escapes)
    {
        var environment = noColor is null ? null : new Dictionary<string, string> { ["NO_COLOR"] = noColor };

        var result = Cli.Start(string.Empty, environment, "check", Samples.Ordinance, Samples.Scenario(Violated), "--color", color);

        result.ExitCode.Should().Be(CliApp.Violation, result.Errors);
        result.Output.Contains('\u001b').Should().Be(escapes);
    }

    [Fact]
    public void Start_ColorWithEqualsAnywhere_IsTakenOutBeforeTheCommand()
    {
        var result = Cli.Start(string.Empty, null, "--color=always", "readings", Samples.Ordinance);

        result.ExitCode.Should().Be(CliApp.Ok, result.Errors);
    }

    [Theory]
    [InlineData("--color", "sometimes", "--color must be auto, always or never, not 'sometimes'")]
    [InlineData("--color", null, "--color needs a value: auto, always or never")]
    public void Start_BadColor_IsACommandLineError(string option, string? value, string message)
    {
        string[] args = value is null ? ["check", option] : ["check", option, value];

        var result = Cli.Start(string.Empty, null, args);

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.Errors.Should().Be($"error OR5000: {message}{Environment.NewLine}");
    }

    [Fact]
    public void Version_PrintsTheVersionFromDirectoryBuildProps()
    {
        var result = Cli.Run("--version");

        result.ExitCode.Should().Be(CliApp.Ok);
        result.Output.Should().MatchRegex(@"^\d+\.\d+\.\d+");
    }
}
