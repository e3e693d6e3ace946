using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Yaml;

namespace OrdinanceRules.Cli.Tests.Hostile;

/// <summary>
/// Files from other cities, probed as an attacker would: each class of bad input gives a located diagnostic with a
/// code (or the right outcome) in bounded time and memory, through the library and through the command line.
/// </summary>
public class HostileInputTests
{
    private const string Ordinance = """
        ordinance: "H-1"
        title: Hostile input fixture
        jurisdiction: { name: Testville, state: Kansas, time-zone: America/Chicago }
        vocabulary: { uses: immigration-cooperation }
        provisions:
          - id: H1
            section: "§ 1"
            title: Notice within a long time of learning
            text: The police shall not learn late.
            modality: prohibition
            binds: the police
            for: { k: awareness }
            applies-when: k.agency.id == 'RPPD'
            violated-when: k.receivedAt + 36600d + 36600d + 36600d > @2021-01-01T00:00:00Z
        """;

    private const string Scenario = """
        scenario: Late awareness
        as-of: 2021-02-02T17:30:00-06:00
        facts:
          - agency: RPPD
            level: city
          - operation: op-1
            agency: RPPD
          - awareness: k-1
            agency: RPPD
            operation: op-1
            receivedAt: RECEIVED
        """;

    public static TheoryData<string, string, string> OutOfRangeValues() => new()
    {
        { "0001-01-01T00:00:00+00:00", DiagnosticCodes.ValueOutOfRange, "1000-01-01T00:00:00Z" },
        { "9999-12-31T23:00:00+00:00", DiagnosticCodes.ValueOutOfRange, "8999-12-31T23:59:59Z" },
        { "2021-02-01T09:00:00+15:00", DiagnosticCodes.ValueOutOfRange, "±14:00" },
    };

    [Theory]
    [MemberData(nameof(OutOfRangeValues))]
    public void Instant_OutOfRange_IsALocatedErrorNamingTheRange(string instant, string code, string range)
    {
        using var folder = new HostileFolder(Ordinance);
        var scenario = folder.Write("scenario.yaml", Scenario.Replace("RECEIVED", instant, StringComparison.Ordinal));

        var read = OrdinanceYaml.LoadScenario(scenario, folder.LoadOrdinance());
        read.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d => d.Code == code && d.Location!.Line == 11 && d.Message.Contains(range));

        var cli = Cli.Run("check", folder.OrdinancePath, scenario);
        cli.ExitCode.Should().Be(CliApp.BadInput);
        cli.ErrorLines.Should().ContainSingle().Which.Should().Contain($"scenario.yaml:11:").And.Contain($"error {code}:");
    }

    [Fact]
    public void Arithmetic_OverflowWhileEvaluating_IsALocatedErrorNamingTheProvisionAndTheFacts()
    {
        using var folder = new HostileFolder(Ordinance);
        var scenario = folder.Write("scenario.yaml", Scenario.Replace("RECEIVED", "8999-06-01T00:00:00Z", StringComparison.Ordinal));
        var compiled = OrdinanceCompiler.Compile(folder.LoadOrdinance());

        var result = compiled.TryEvaluate(OrdinanceYaml.LoadScenario(scenario, compiled.Ordinance).GetValueOrThrow(), DateTimeOffset.Parse("2021-02-02T17:30:00-06:00", System.Globalization.CultureInfo.InvariantCulture), null);

        var problem = result.Diagnostics.Should().ContainSingle().Subject;
        problem.Code.Should().Be(DiagnosticCodes.EvaluationOverflow);
        problem.Message.Should().Contain("provision H1").And.Contain("awareness k-1").And.Contain("out of range").And.NotContain("=>");
        problem.Location!.File.Should().EndWith("scenario.yaml");

        var cli = Cli.Run("check", folder.OrdinancePath, scenario);
        cli.ExitCode.Should().Be(CliApp.BadInput);
        cli.ErrorLines.Should().ContainSingle().Which.Should().Contain("error OR3102:").And.Contain("provision H1").And.NotContain("internal error");
    }

    [Fact]
    public void Deadline_DueInstantPastTheLastInstant_IsALocatedErrorNamingTheProvision()
    {
        var obligation = Ordinance.Replace("""
                modality: prohibition
                binds: the police
                for: { k: awareness }
                applies-when: k.agency.id == 'RPPD'
                violated-when: k.receivedAt + 36600d + 36600d + 36600d > @2021-01-01T00:00:00Z
            """, """
                modality: obligation
                binds: the police
                for: { k: awareness }
                applies-when: k.agency.id == 'RPPD'
                duty:
                  met-by:
                    for: { x: action }
                    when: x.agency == k.agency
                  at: x.start
                  deadline:
                    within: 36600d
                    from: k.receivedAt
            """, StringComparison.Ordinal);
        obligation.Should().Contain("obligation");
        using var folder = new HostileFolder(obligation);
        var scenario = folder.Write("due.yaml", Scenario.Replace("RECEIVED", "8999-06-01T00:00:00Z", StringComparison.Ordinal));

        var cli = Cli.Run("check", folder.OrdinancePath, scenario);

        cli.ExitCode.Should().Be(CliApp.BadInput, cli.Errors);
        cli.ErrorLines.Should().ContainSingle().Which.Should().Contain("error OR3102:").And.Contain("provision H1").And.Contain("8999-06-01").And.Contain("falls after the last instant");
    }

    [Fact]
    public void DurationLiteral_PartOverAMillion_IsAnErrorNotZero()
    {
        using var folder = new HostileFolder(Ordinance.Replace("k.receivedAt + 36600d + 36600d + 36600d", "k.receivedAt + 1000001h", StringComparison.Ordinal));

        var read = OrdinanceYaml.LoadOrdinance(folder.OrdinancePath).GetValueOrThrow();
        var compiled = OrdinanceCompiler.TryCompile(read);

        compiled.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Code == DiagnosticCodes.ConditionLiteralRange && d.Location!.Line == 14 && d.Message.Contains("1,000,000"));
        Cli.Run("check", folder.OrdinancePath, folder.Write("s.yaml", Scenario.Replace("RECEIVED", "2021-01-01T00:00:00Z", StringComparison.Ordinal)))
            .ErrorLines.Should().ContainSingle().Which.Should().Contain("ordinance.yaml:14:").And.Contain("error OR2105:");
    }

    [Fact]
    public void NumberLiteral_BeyondDecimal_IsALocatedError()
    {
        using var folder = new HostileFolder(Ordinance.Replace("k.agency.id == 'RPPD'", "k.agency.id == 'RPPD' and 99999999999999999999999999999999999 > 1", StringComparison.Ordinal));

        var compiled = OrdinanceCompiler.TryCompile(folder.LoadOrdinance());

        compiled.Diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.ConditionLiteralRange);
        Cli.Run("check", folder.OrdinancePath, folder.Write("s.yaml", Scenario.Replace("RECEIVED", "2021-01-01T00:00:00Z", StringComparison.Ordinal)))
            .ExitCode.Should().Be(CliApp.BadInput);
    }

    [Fact]
    public void NotChain_UnderTheLengthLimit_IsRejectedWithoutExhaustingAOneMegabyteStack()
    {
        using var folder = new HostileFolder(Ordinance.Replace("applies-when: k.agency.id", "applies-when: " + string.Concat(Enumerable.Repeat("not ", 900)) + "k.agency.id", StringComparison.Ordinal));
        Result<CompiledOrdinance>? compiled = null;

        // Windows' default stack: a condition that recursed once per 'not' would kill the process here.
        var thread = new Thread(() => compiled = OrdinanceCompiler.TryCompile(folder.LoadOrdinance()), 1024 * 1024);
        thread.Start();
        thread.Join();

        compiled!.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d => d.Code == DiagnosticCodes.ConditionTooComplex && d.Message.Contains("64 levels"));
    }

    [Fact]
    public void CrossProduct_FourAgencyVariablesOverTwoHundredAgencies_EndsWithABudgetError()
    {
        var ordinance = Ordinance.Replace("for: { k: awareness }", "for: { a: agency, b: agency, c: agency, d: agency }", StringComparison.Ordinal)
            .Replace("applies-when: k.agency.id == 'RPPD'", "applies-when: a.id == 'RPPD'", StringComparison.Ordinal)
            .Replace("violated-when: k.receivedAt + 36600d + 36600d + 36600d > @2021-01-01T00:00:00Z", "violated-when: a == b and b == c and c == d", StringComparison.Ordinal);
        using var folder = new HostileFolder(ordinance);
        var agencies = string.Concat(Enumerable.Range(0, 200).Select(i => $"  - agency: AG-{i}\n    level: city\n"));
        var scenario = folder.Write("many.yaml", $"scenario: Many agencies\nas-of: 2021-02-02T17:30:00-06:00\nfacts:\n{agencies}");
        var compiled = OrdinanceCompiler.Compile(folder.LoadOrdinance());
        var watch = Stopwatch.StartNew();

        var result = compiled.TryEvaluate(OrdinanceYaml.LoadScenario(scenario, compiled.Ordinance).GetValueOrThrow(), DateTimeOffset.UnixEpoch.AddYears(51), null);

        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "the budget is checked before any fact is inserted");
        result.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Code == DiagnosticCodes.EvaluationBudget && d.Message.Contains("provision H1") && d.Message.Contains("1,600,000,000") && d.Location!.File.EndsWith("many.yaml"));
        Cli.Run("check", folder.OrdinancePath, scenario).ErrorLines.Should().ContainSingle().Which.Should().Contain("many.yaml:1:1: error OR3101:");
    }

    [Fact]
    public void FactsTimesRules_OverTheEvaluationBudget_EndsWithALocatedErrorBeforeAnyFactIsInserted()
    {
        // Each provision alone is cheap (one agency variable), but 300 of them over 9,000 agencies are more work than the budget.
        var provisions = string.Concat(Enumerable.Range(1, 300).Select(i => $$"""
              - id: W{{i}}
                section: "§ {{i}}"
                title: No help to federal agencies
                text: The police shall not help a federal agency.
                modality: prohibition
                binds: the police
                for: { g: agency }
                violated-when: g.level == 'federal'
                exceptions:
                  - { id: W{{i}}e, section: "§ {{i}}", title: Not immigration enforcement, when: not g.enforcesImmigration }

            """));
        using var folder = new HostileFolder(Ordinance[..Ordinance.IndexOf("  - id: H1", StringComparison.Ordinal)] + provisions);
        var agencies = string.Concat(Enumerable.Range(0, 9_000).Select(i => $"  - agency: AG-{i}\n    level: city\n"));
        var scenario = folder.Write("crowd.yaml", $"scenario: Nine thousand agencies\nas-of: 2021-02-02T17:30:00-06:00\nfacts:\n{agencies}");
        var compiled = OrdinanceCompiler.Compile(folder.LoadOrdinance());
        ((long)compiled.RuleCount * 9_000).Should().BeGreaterThan(Limits.MaxEvaluationWork, "the fixture must exceed the budget");
        var watch = Stopwatch.StartNew();

        var result = compiled.TryEvaluate(OrdinanceYaml.LoadScenario(scenario, compiled.Ordinance).GetValueOrThrow(), DateTimeOffset.UnixEpoch.AddYears(51), null);
        var cli = Cli.Run("check", folder.OrdinancePath, scenario);

        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(60), "the budget is checked before any fact is inserted");
        result.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Code == DiagnosticCodes.EvaluationBudget && d.Location!.File.EndsWith("crowd.yaml"));
        result.Diagnostics[0].Message.Should().Be($"evaluating 9,000 facts against {compiled.RuleCount:N0} rules is {9_000L * compiled.RuleCount:N0} units of work; the budget is 20,000,000 (facts × rules): split the scenario");
        cli.ExitCode.Should().Be(CliApp.BadInput);
        cli.ErrorLines.Should().ContainSingle().Which.Should().StartWith($"{scenario}:1:1: error OR3101: evaluating 9,000 facts against {compiled.RuleCount:N0} rules");
    }

    [Fact]
    public void RecurringDuty_MorePeriodsThanTheLimit_EndsWithALocatedBudgetError()
    {
        var ordinance = Ordinance[..Ordinance.IndexOf("  - id: H1", StringComparison.Ordinal)] + """
              - id: H1
                section: "§ 1"
                title: A notice each month
                text: The police post a notice each month.
                modality: obligation
                binds: the police
                recurs: { every: month, as: m, from: 1000-01-01 }
                duty: { met-by: { for: { n: notice }, when: n.issuedAt >= m.start }, at: n.issuedAt, deadline: { due: m.end } }
            """;
        using var folder = new HostileFolder(ordinance);
        var scenario = folder.Write("monthly.yaml", "scenario: Monthly since the year 1000\nas-of: 2021-02-02T17:30:00-06:00\nfacts: []\n");
        var watch = Stopwatch.StartNew();

        var result = Cli.Run("check", folder.OrdinancePath, scenario);

        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30), "the periods are counted, never generated past the limit");
        result.ExitCode.Should().Be(CliApp.BadInput, result.Errors);
        result.ErrorLines.Should().ContainSingle().Which.Should().Be($"{scenario}:1:1: error OR3101: provision H1 recurs each month from 1000-01: as of 2021-02-02T17:30:00-06:00 that is more than 1,200 periods, the limit; evaluate as of an earlier instant, or start the recurrence later ('from:' under 'recurs')");
    }

    [Fact]
    public void ForVariables_MoreThanTheLimit_AreRejectedWhenCompiling()
    {
        var bindings = string.Join(", ", Enumerable.Range(0, 9).Select(i => $"v{i}: agency"));
        using var folder = new HostileFolder(Ordinance.Replace("for: { k: awareness }", $"for: {{ k: awareness, {bindings} }}", StringComparison.Ordinal));

        OrdinanceCompiler.TryCompile(folder.LoadOrdinance()).Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Code == DiagnosticCodes.OrdinanceLimit && d.Message.Contains("10 variables") && d.Location!.Line == 6);
    }

    [Fact]
    public void HolidayCalendar_AtYearOne_IsOutOfRange()
    {
        var ordinance = Ordinance.Replace("vocabulary:", "calendars:\n  far: [0001-01-01, 2021-01-01]\nvocabulary:", StringComparison.Ordinal);
        using var folder = new HostileFolder(ordinance);

        OrdinanceCompiler.TryCompile(folder.LoadOrdinance()).Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Code == DiagnosticCodes.ValueOutOfRange && d.Message.Contains("0001-01-01") && d.Message.Contains("1000-01-01 to 8999-12-31"));
    }

    [Fact]
    public void ScenarioName_Blank_IsALocatedError()
    {
        using var folder = new HostileFolder(Ordinance);
        var scenario = folder.Write("blank.yaml", Scenario.Replace("scenario: Late awareness", "scenario: \"   \"", StringComparison.Ordinal).Replace("RECEIVED", "2021-01-01T00:00:00Z", StringComparison.Ordinal));

        OrdinanceYaml.LoadScenario(scenario, folder.LoadOrdinance()).Diagnostics.Should().ContainSingle().Which.Location!.Line.Should().Be(1);
        Cli.Run("check", folder.OrdinancePath, scenario).ErrorLines.Should().ContainSingle().Which.Should().Contain("blank.yaml:1:11: error OR4004:");
    }

    [Fact]
    public void Fifo_GivenAsAScenario_IsRefusedWithoutOpeningIt()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // mkfifo is a Linux command; on other systems the file is never created
        }

        using var folder = new HostileFolder(Ordinance);
        var fifo = Path.Combine(folder.Path, "pipe.yaml");
        using (var mkfifo = Process.Start("mkfifo", fifo))
        {
            mkfifo.WaitForExit();
        }

        var watch = Stopwatch.StartNew();
        var read = OrdinanceYaml.LoadScenario(fifo, folder.LoadOrdinance());
        var cli = Cli.Run("check", folder.OrdinancePath, fifo);

        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "a pipe with no writer must never be opened");
        read.Diagnostics.Should().ContainSingle().Which.Message.Should().Contain("not a regular file");
        cli.ErrorLines.Should().ContainSingle().Which.Should().Contain("error OR4009:").And.Contain("not a regular file");
    }

    [Fact]
    public void Device_GivenAsAScenario_IsRefused()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var folder = new HostileFolder(Ordinance);
        Cli.Run("check", folder.OrdinancePath, "/dev/zero").ErrorLines.Should().ContainSingle().Which.Should().Contain("/dev/zero:1:1: error OR4009:");
    }

    [Fact]
    public void SuiteReference_EscapingItsFolder_IsAnErrorNamingThePath_UnlessAllowed()
    {
        using var folder = new HostileFolder(Ordinance);
        var inner = Directory.CreateDirectory(Path.Combine(folder.Path, "suites")).FullName;
        var suite = Path.Combine(inner, "escape.suite.yaml");
        File.WriteAllText(suite, "suite: Escape\nordinance: ../ordinance.yaml\ncases:\n  - name: none\n    as-of: 2021-01-01T00:00:00Z\n    facts: []\n    expect: []\n");

        var strict = OrdinanceYaml.LoadSuite(suite);
        strict.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d => d.Code == YamlDiagnosticCodes.OutsideFolder && d.Message.Contains("'../ordinance.yaml'") && d.Location!.Line == 2);
        OrdinanceYaml.LoadSuite(suite, new YamlReadOptions { AllowOutside = true }).Diagnostics.Should().NotContain(d => d.Code == YamlDiagnosticCodes.OutsideFolder);

        Cli.Run("test", suite).ErrorLines.Should().ContainSingle().Which.Should().Contain("escape.suite.yaml:2:12: error OR4011:");
        Cli.Run("test", suite, "--allow-outside").ErrorLines.Should().NotContain(l => l.Contains("OR4011", StringComparison.Ordinal));
    }

    [Fact]
    public void SymbolicLink_InsideTheFolderPointingOutside_Escapes()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // creating links needs privileges there
        }

        using var folder = new HostileFolder(Ordinance);
        var inner = Directory.CreateDirectory(Path.Combine(folder.Path, "suites")).FullName;
        File.CreateSymbolicLink(Path.Combine(inner, "ordinance.yaml"), folder.OrdinancePath);
        var suite = Path.Combine(inner, "link.suite.yaml");
        File.WriteAllText(suite, "suite: Link\nordinance: ordinance.yaml\ncases:\n  - name: none\n    as-of: 2021-01-01T00:00:00Z\n    facts: []\n    expect: []\n");

        OrdinanceYaml.LoadSuite(suite).Diagnostics.Should().Contain(d => d.Code == YamlDiagnosticCodes.OutsideFolder);
    }

    [Fact]
    public void ControlCharacters_InAScenarioName_NeverReachTheTerminal()
    {
        using var folder = new HostileFolder(Ordinance);
        var scenario = folder.Write("evil.yaml", Scenario.Replace("scenario: Late awareness", "scenario: \"evil \\e]0;pwned\\a\\e[2J\\u202E\"", StringComparison.Ordinal).Replace("RECEIVED", "2021-01-01T00:00:00Z", StringComparison.Ordinal));

        foreach (var ansi in new[] { Spectre.Console.AnsiSupport.No, Spectre.Console.AnsiSupport.Yes })
        {
            var cli = Cli.Run(ansi, "check", folder.OrdinancePath, scenario);
            cli.Output.Should().Contain("evil \\u001B]0;pwned\\u0007\\u001B[2J\\u202E");
            cli.Output.Should().NotContain("\u001B]").And.NotContain("\u0007").And.NotContain("\u202E");
        }

        var json = Cli.Run("check", folder.OrdinancePath, scenario, "--format", "json").Output;
        json.Should().NotContain("\u001B").And.NotContain("\u0007");
    }

    [Fact]
    public void LongInvalidValue_IsEchoedAsAShortPrefix()
    {
        using var folder = new HostileFolder(Ordinance);
        var scenario = folder.Write("long.yaml", Scenario.Replace("    level: city", "    level: " + new string('x', 60_000), StringComparison.Ordinal).Replace("RECEIVED", "2021-01-01T00:00:00Z", StringComparison.Ordinal));

        var line = Cli.Run("check", folder.OrdinancePath, scenario).ErrorLines.Should().ContainSingle().Subject;

        line.Length.Should().BeLessThan(400);
        line.Should().Contain("(60,000 characters)");
    }

    [Fact]
    public void InvalidUtf8_IsAnErrorAtItsLineAndColumn()
    {
        using var folder = new HostileFolder(Ordinance);
        var path = Path.Combine(folder.Path, "bytes.yaml");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes("scenario: ok\nfacts:\n  - agency: A\n    name: \"caf"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"\n")]);

        OrdinanceYaml.LoadScenario(path, folder.LoadOrdinance()).Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Code == YamlDiagnosticCodes.InvalidEncoding && d.Location!.Line == 4 && d.Location.Column == 15);
        Cli.Run("check", folder.OrdinancePath, path).ErrorLines.Should().ContainSingle().Which.Should().StartWith($"{path}:4:15: error OR4010:");
    }

    [Fact]
    public void TabIndentation_IsReportedAtItsOwnLine()
    {
        using var folder = new HostileFolder(Ordinance);
        var path = folder.Write("tab.yaml", "scenario: x\nfacts:\n  - agency: A\n\tname: y\n");

        OrdinanceYaml.LoadScenario(path, folder.LoadOrdinance()).Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Code == YamlDiagnosticCodes.Syntax && d.Location!.Line == 4 && d.Location.Column == 1 && d.Message.Contains("tab"));
    }

    [Fact]
    public void LastResort_AFaultOfTheCommandLine_PrintsACodeAndAsksForAReport()
    {
        var errors = new StringWriter();
        var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings { Out = new Spectre.Console.AnsiConsoleOutput(new ThrowingWriter()) });

        var exitCode = CliApp.Run(["readings", Samples.Ordinance], console, errors);

        exitCode.Should().Be(CliApp.InternalError);
        errors.ToString().Should().StartWith("error OR5999:").And.Contain("please report").And.NotContain("at OrdinanceRules");
    }

    /// <summary>An output that fails as no real one should: stands for a bug inside a command.</summary>
    private sealed class ThrowingWriter : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => throw new ExternalException("the output failed");
    }

    /// <summary>A folder holding the fixture ordinance and the files a test writes beside it.</summary>
    private sealed class HostileFolder : IDisposable
    {
        public HostileFolder(string ordinance)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ordinance-hostile-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
            OrdinancePath = Write("ordinance.yaml", ordinance);
        }

        public string Path { get; }

        public string OrdinancePath { get; }

        public string Write(string name, string text)
        {
            var path = System.IO.Path.Combine(Path, name);
            File.WriteAllText(path, text.ReplaceLineEndings("\n"));
            return path;
        }

        public Model.Ordinance LoadOrdinance() => OrdinanceYaml.LoadOrdinance(OrdinancePath).GetValueOrThrow();

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
