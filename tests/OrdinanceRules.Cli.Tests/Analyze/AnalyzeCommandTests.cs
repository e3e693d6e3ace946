using OrdinanceRules.Analysis.Json;
using OrdinanceRules.Json;

namespace OrdinanceRules.Cli.Tests.Analyze;

public class AnalyzeCommandTests
{
    private static string Bundled(string file) => Path.Combine(Samples.Root, "samples", "ordinances", file);

    [Theory]
    [InlineData("roeland-park-ks.yaml")]
    [InlineData("roeland-park-ks.yaml", "p2-judicial-warrant=exception-for-criminal-immigration")]
    [InlineData("lawrence-ks.yaml")]
    [InlineData("us-8-cfr-287-7.yaml")]
    public void Analyze_WithWitnesses_CheckGivesEveryWitnessFileItsClaimedOutcome(string file, params string[] readings)
    {
        using var folder = new TempFolder();
        var ordinance = Bundled(file);

        var result = Cli.Run(["analyze", ordinance, "--witnesses", folder.Path, "--format", "json", .. readings.SelectMany(r => new[] { "--reading", r })]);

        result.ExitCode.Should().Be(CliApp.Ok, result.Errors);
        var document = AnalysisJson.Read<AnalysisDocument>(result.Output);
        var witnesses = document.Provisions.SelectMany(p => p.Reachable).Concat(document.Findings.Select(f => f.Witness).OfType<WitnessJson>()).ToList();
        witnesses.Should().NotBeEmpty().And.OnlyContain(w => w.File != null && File.Exists(w.File));
        Directory.GetFiles(folder.Path, "*.yaml").Should().HaveCount(witnesses.Select(w => w.File).Distinct().Count());
        var mismatches = new List<string>();
        foreach (var witness in witnesses)
        {
            mismatches.AddRange(Mismatch(ordinance, witness));
        }

        mismatches.Should().BeEmpty();
    }

    [Fact]
    public void Analyze_UnderHigherLaws_CheckWithTheLawsGivesEveryWitnessFileItsClaimedOutcome()
    {
        using var folder = new TempFolder();
        string[] laws = [Bundled("kansas-ksa-12-16-140.yaml"), Bundled("us-8-usc-1373.yaml")];

        var result = Cli.Run(["analyze", Samples.Ordinance, "--witnesses", folder.Path, "--format", "json", .. laws.SelectMany(l => new[] { "--law", l })]);

        result.ExitCode.Should().Be(CliApp.Ok, result.Errors);
        var document = AnalysisJson.Read<AnalysisDocument>(result.Output);
        document.Provisions.Single(p => p.Provision == "P6").Analysed.Should().BeTrue();
        var witnesses = document.Provisions.SelectMany(p => p.Reachable).Concat(document.Findings.Select(f => f.Witness).OfType<WitnessJson>()).ToList();
        witnesses.SelectMany(w => Mismatch(Samples.Ordinance, w, laws)).Should().BeEmpty();
    }

    [Fact]
    public void Analyze_ObligationWhoseAnchorCanBeAbsent_PrintsTheFindingWithAnUndeterminedWitness()
    {
        var result = Cli.Run("analyze", Bundled("us-8-cfr-287-7.yaml"));

        result.ExitCode.Should().Be(CliApp.Ok, result.Errors);
        result.OutputLines.Should().Contain(l => l.StartsWith("  deadline-anchor-can-be-absent: Obligation US-287.7d can apply while its deadline's anchor (h.subject.releaseEligibleAt) has no value", StringComparison.Ordinal));
        result.OutputLines.Should().Contain(l => l.StartsWith("    witness: provision US-287.7d is undetermined for h=", StringComparison.Ordinal));
    }

    /// <summary>What <c>check</c> says of the witness's provision and facts, when it is not what the analysis claims.</summary>
    internal static IEnumerable<string> Mismatch(string ordinance, WitnessJson witness, params string[] laws)
    {
        var check = Cli.Run(["check", ordinance, witness.File!, "--format", "json", .. witness.Readings.SelectMany(r => new[] { "--reading", r }), .. laws.SelectMany(l => new[] { "--law", l })]);
        if (check.ExitCode is not (CliApp.Ok or CliApp.Violation))
        {
            yield return $"{witness.File}: check failed: {check.Errors}";
            yield break;
        }

        var report = OrdinanceJson.Read<ReportsDocument>(check.Output).Reports.Single();
        var findings = report.Findings.Where(f => f.Provision == witness.Provision && f.Facts.Select(x => (x.Variable, x.Id)).Order().SequenceEqual(witness.Facts.Select(x => (x.Variable, x.Id)).Order())).ToList();
        if (findings.Count != 1 || findings[0].Status != witness.Status)
        {
            yield return $"{witness.File}: claimed {witness.Status}, check gives {string.Join(", ", findings.Select(f => f.Status))} ({findings.Count} findings)";
        }
    }

    [Fact]
    public void Analyze_Text_PrintsEachProvisionAndTheFindingsWithTheCheckCommand()
    {
        using var folder = new TempFolder();

        var result = Cli.Run("analyze", Samples.Ordinance, "--witnesses", folder.Path);

        result.ExitCode.Should().Be(CliApp.Ok, result.Errors);
        result.OutputLines.Should().Contain(l => l.StartsWith("  P3 ", StringComparison.Ordinal) && l.Contains("pending", StringComparison.Ordinal));
        result.OutputLines.Should().Contain("  exception-never-holds: Exception E2d of provision P2 never holds: in no scenario does it stand against the claim it excepts.");
        result.OutputLines.Should().Contain($"      ordinance check {Samples.Ordinance} {Path.Combine(folder.Path, "P2.violated.yaml")}");
        File.ReadAllText(Path.Combine(folder.Path, "P2.violated.yaml")).Should().StartWith("# Witness: provision P2 is violated for a=");
    }

    [Fact]
    public void Analyze_SolverOutOfTime_SaysUnknownAndClaimsNothingFalse()
    {
        var hurried = Cli.Run("analyze", Bundled("lawrence-ks.yaml"), "--timeout", "0.001", "--format", "json");
        var patient = Cli.Run("analyze", Bundled("lawrence-ks.yaml"), "--format", "json");

        hurried.ExitCode.Should().Be(CliApp.Ok, hurried.Errors);
        var quick = AnalysisJson.Read<AnalysisDocument>(hurried.Output);
        var full = AnalysisJson.Read<AnalysisDocument>(patient.Output);
        quick.Findings.Should().Contain(f => f.Kind == "unknown" && f.Message.Contains("within 0.001 s: nothing is claimed", StringComparison.Ordinal));
        quick.Findings.Where(f => f.Kind != "unknown").Select(f => (f.Kind, f.Provision, f.Exception))
            .Should().BeSubsetOf(full.Findings.Select(f => (f.Kind, f.Provision, f.Exception)));
    }

    [Theory]
    [InlineData("--timeout", "0")]
    [InlineData("--facts", "5")]
    [InlineData("--format", "xml")]
    public void Analyze_BadOption_IsBadInput(string option, string value)
    {
        var result = Cli.Run("analyze", Samples.Ordinance, option, value);

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.Errors.Should().StartWith("error OR5000: ");
    }

    [Fact]
    public void Analyze_ReadingNotDeclared_IsBadInput()
    {
        var result = Cli.Run("analyze", Samples.Ordinance, "--reading", "p2-judicial-warrant=nonsense");

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.Errors.Should().Contain("OR5005");
    }
}
