using System.Text.RegularExpressions;
using OrdinanceRules.Facts;
using OrdinanceRules.Yaml;

namespace OrdinanceRules.Cli.Tests.Redaction;

/// <summary>
/// Sensitive fields (a person's immigration status, citizenship, place of birth, name, address) never reach an
/// output unless <c>--show-sensitive</c> is given: every bundled scenario through every output, and the places
/// that do print values (what-if, error messages) with and without the option.
/// </summary>
public class SensitiveOutputTests
{
    private static readonly (string Ordinance, string Scenarios)[] Bundled =
    [
        ("roeland-park-ks.yaml", "roeland-park"),
        ("lawrence-ks.yaml", "lawrence"),
        ("us-8-cfr-287-7.yaml", "cfr-287-7"),
    ];

    // An ordinance whose provision turns on a person's status, and a scenario that leaves the status open.
    private const string StatusOrdinance = """
        ordinance: "9"
        title: No arrests on status alone
        jurisdiction: { name: Town, state: Kansas, time-zone: America/Chicago }
        vocabulary: { uses: immigration-cooperation }
        provisions:
          - id: S1
            section: "§ 1"
            title: No arrest for lack of status
            text: No officer shall arrest a person for lacking immigration status.
            modality: prohibition
            binds: Town police
            for: { a: action }
            applies-when: a.kind == 'arrest'
            violated-when: a.subject.immigrationStatus == 'no-status'
        """;

    private const string StatusScenario = """
        scenario: An arrest of a person whose status is not known
        as-of: 2024-05-01T12:00:00-05:00
        facts:
          - person: per-1
            name: Zelda Quartermaine
            immigrationStatus: unknown
          - action: act-1
            kind: arrest
            subject: per-1
        """;

    [Fact]
    public void EveryBundledOutput_ByDefault_PrintsNoSensitiveValue()
    {
        var checkedValues = 0;
        foreach (var (ordinanceFile, folderName) in Bundled)
        {
            var ordinancePath = Path.Combine(Samples.Root, "samples", "ordinances", ordinanceFile);
            var folder = Path.Combine(Samples.Root, "samples", "scenarios", folderName);
            var ordinance = OrdinanceYaml.LoadOrdinance(ordinancePath).GetValueOrThrow();
            var files = Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal).ToArray();
            var secrets = new Dictionary<string, string[]>();
            foreach (var file in files)
            {
                var scenario = OrdinanceYaml.LoadScenario(file, ordinance).GetValueOrThrow();
                secrets[file] = [.. SensitiveValues(scenario, File.ReadAllText(ordinancePath) + scenario.Name + scenario.Description)];
            }

            var all = secrets.Values.SelectMany(v => v).Distinct().ToArray();
            checkedValues += all.Length;
            var outputs = new List<(string What, CliResult Result)>
            {
                ("check", Cli.Run(["check", ordinancePath, .. files])),
                ("check --format json", Cli.Run(["check", ordinancePath, .. files, "--format", "json"])),
                ("compare --format html", Cli.Run("compare", ordinancePath, ordinancePath, "--scenarios", folder, "--format", "html")),
            };
            foreach (var file in files.Where(f => secrets[f].Length > 0))
            {
                outputs.Add(($"explain {file}", Cli.Run("explain", ordinancePath, file)));
                outputs.Add(($"what-if {file}", Cli.Run("what-if", ordinancePath, file)));
            }

            foreach (var (what, result) in outputs)
            {
                foreach (var secret in all)
                {
                    Mentions(result.Output + result.Errors, secret).Should().BeFalse("'{0}' of {1} must not print the sensitive value '{2}'", what, folderName, secret);
                }
            }
        }

        checkedValues.Should().BeGreaterThan(5, "the bundled scenarios state names, citizenships and statuses");
    }

    [Fact]
    public void TestCommandWithJUnit_ByDefault_PrintsNoSensitiveValue()
    {
        var junit = Path.Combine(Path.GetTempPath(), $"ordinance-junit-{Guid.NewGuid():N}.xml");
        try
        {
            var result = Cli.Run("test", Path.Combine(Samples.Root, "samples", "tests"), "--allow-outside", "--coverage", "--junit", junit);

            var text = result.Output + result.Errors + File.ReadAllText(junit);
            foreach (var secret in new[] { "Person I", "Person D", "Person T", "Person L", "Witness N", "no-status" })
            {
                Mentions(text, secret).Should().BeFalse("the suites' output and JUnit file must not print '{0}'", secret);
            }
        }
        finally
        {
            File.Delete(junit);
        }
    }

    [Fact]
    public void WhatIf_UnknownSensitiveField_IsNotTriedUnlessShowSensitive()
    {
        using var ordinance = new TempYaml("status.yaml", StatusOrdinance);
        using var scenario = new TempYaml("scenario.yaml", StatusScenario);

        var hidden = Cli.Run("what-if", ordinance.Path, scenario.Path);
        var shown = Cli.Run("what-if", ordinance.Path, scenario.Path, "--show-sensitive");

        hidden.Output.Should().Contain("person per-1: immigrationStatus")
            .And.Contain("not tried: the field is sensitive; --show-sensitive tries each of its values")
            .And.NotContain("if no-status");
        shown.Output.Should().Contain("if no-status: Violated").And.Contain("if us-citizen: Complied");
    }

    [Fact]
    public void WhatIfSet_SensitiveValue_IsEchoedOnlyWithShowSensitive()
    {
        using var ordinance = new TempYaml("status.yaml", StatusOrdinance);
        using var scenario = new TempYaml("scenario.yaml", StatusScenario);

        var hidden = Cli.Run("what-if", ordinance.Path, scenario.Path, "--set", "per-1.immigrationStatus=no-status");
        var shown = Cli.Run("what-if", ordinance.Path, scenario.Path, "--set", "per-1.immigrationStatus=no-status", "--show-sensitive");

        hidden.OutputLines.Should().Contain("With per-1.immigrationStatus=[sensitive]:");
        hidden.Output.Should().NotContain("no-status");
        shown.OutputLines.Should().Contain("With per-1.immigrationStatus=no-status:");
        hidden.Output.Should().Contain("S1 (a=act-1): Undetermined -> Violated", "the change is made either way; only its echo is hidden");
    }

    [Fact]
    public void Check_BadSensitiveValue_ErrorQuotesItOnlyWithShowSensitive()
    {
        using var ordinance = new TempYaml("status.yaml", StatusOrdinance);
        using var scenario = new TempYaml("scenario.yaml", StatusScenario.Replace("immigrationStatus: unknown", "immigrationStatus: undocumented-alien", StringComparison.Ordinal));

        var hidden = Cli.Run("check", ordinance.Path, scenario.Path);
        var shown = Cli.Run("check", ordinance.Path, scenario.Path, "--show-sensitive");

        hidden.ExitCode.Should().Be(CliApp.BadInput);
        hidden.Errors.Should().Contain($"{scenario.Path}:6:24: error OR3001: 'per-1.immigrationStatus' is [sensitive], which is not one of:").And.NotContain("undocumented");
        shown.Errors.Should().Contain("'per-1.immigrationStatus' is 'undocumented-alien', which is not one of:");
    }

    [Fact]
    public void Validate_BadSensitiveValue_ErrorQuotesItOnlyWithShowSensitive()
    {
        using var ordinance = new TempYaml("status.yaml", StatusOrdinance);
        using var scenario = new TempYaml("scenario.yaml", StatusScenario.Replace("immigrationStatus: unknown", "immigrationStatus: undocumented-alien", StringComparison.Ordinal));

        var hidden = Cli.Run("validate", scenario.Path, "--ordinance", ordinance.Path);
        var shown = Cli.Run("validate", scenario.Path, "--ordinance", ordinance.Path, "--show-sensitive");
        var json = Cli.Run("validate", scenario.Path, "--ordinance", ordinance.Path, "--format", "json");

        hidden.ExitCode.Should().Be(CliApp.BadInput);
        (hidden.Output + hidden.Errors).Should().Contain("'per-1.immigrationStatus' is [sensitive], which is not one of:").And.NotContain("undocumented");
        json.Output.Should().Contain("[sensitive]").And.NotContain("undocumented");
        (shown.Output + shown.Errors).Should().Contain("'per-1.immigrationStatus' is 'undocumented-alien', which is not one of:");
    }

    /// <summary>The known values of a scenario's sensitive fields, less those the ordinance or the scenario's own title also say (they are not the facts' to reveal).</summary>
    private static IEnumerable<string> SensitiveValues(Scenario scenario, string alsoWritten) =>
        scenario.Facts
            .SelectMany(f => f.Type.Fields.Where(d => d.Sensitive).Select(d => f[d.Name]))
            .Where(v => v.State == ValueState.Known)
            .Select(v => v.ToString())
            .Where(v => !Mentions(alsoWritten, v))
            .Distinct();

    private static bool Mentions(string text, string value) =>
        Regex.IsMatch(text, $"(?<![\\w-]){Regex.Escape(value)}(?![\\w-])", RegexOptions.None, TimeSpan.FromSeconds(5));
}
