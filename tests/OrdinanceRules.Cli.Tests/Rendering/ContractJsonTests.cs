using OrdinanceRules.Analysis;
using OrdinanceRules.Analysis.Json;
using OrdinanceRules.Cli.Tests.Schemas;
using OrdinanceRules.Json;
using OrdinanceRules.Yaml;

namespace OrdinanceRules.Cli.Tests.Rendering;

/// <summary>Every command's <c>--format json</c> is a document of the library's contract, the same the library writes.</summary>
public class ContractJsonTests
{
    private const string Undetermined = "p2-threat-specificity-unknown-undetermined";

    [Fact]
    public void Check_Json_IsWhatTheLibraryWrites()
    {
        var result = Cli.Run("check", Samples.Ordinance, Samples.Scenario("p2-detainer-hold-violated"), "--format", "json");

        var ordinance = OrdinanceCompiler.Compile(OrdinanceYaml.LoadOrdinance(Samples.Ordinance).GetValueOrThrow());
        var scenario = OrdinanceYaml.LoadScenario(Samples.Scenario("p2-detainer-hold-violated"), ordinance.Ordinance).GetValueOrThrow();
        var library = OrdinanceJson.Write(OrdinanceJson.Reports([ordinance.Evaluate(scenario)]));
        result.ExitCode.Should().Be(CliApp.Violation, result.Errors);
        result.Output.TrimEnd().Should().Be(library);
    }

    [Fact]
    public void Check_Json_CarriesTheDecisionRecord()
    {
        var result = Cli.Run("check", Samples.Ordinance, Samples.Scenario("p2-detainer-hold-violated"), "--format", "json", "--reading", "p3-anchor=actual-reading");

        var decision = OrdinanceJson.Read<ReportsDocument>(result.Output).Reports.Should().ContainSingle().Subject.Decision;
        decision.ContentHash.Should().Be(OrdinanceYaml.LoadOrdinance(Samples.Ordinance).GetValueOrThrow().ContentHash);
        decision.Readings.Should().Contain("p3-anchor=actual-reading");
        decision.InputDigest.Should().MatchRegex("^sha256:[0-9a-f]{64}$");
        decision.Outcomes.Should().Contain(o => o.Provision == "P2" && o.Status == "violated");
    }

    [Fact]
    public void Explain_Json_HasATreePerFindingOfTheProvision()
    {
        var result = Cli.Run("explain", Samples.Ordinance, Samples.Scenario("p2-specific-threat-exception-applies"), "--provision", "P2", "--format", "json");

        result.ExitCode.Should().Be(CliApp.Ok, result.Errors);
        var document = OrdinanceJson.Read<ExplanationsDocument>(result.Output);
        document.SchemaVersion.Should().Be(OrdinanceJson.SchemaVersion);
        var explanation = document.Explanations.Should().ContainSingle().Subject;
        explanation.Finding.Status.Should().Be("exception-applies");
        Flatten(explanation.Tree).Select(n => n.Status).Should().Contain("held");
    }

    [Fact]
    public void WhatIf_Json_WithoutSet_ListsEachValueTried()
    {
        var result = Cli.Run("what-if", Samples.Ordinance, Samples.Scenario(Undetermined), "--format", "json");

        result.ExitCode.Should().Be(CliApp.Ok, result.Errors);
        var document = OrdinanceJson.Read<WhatIfDocument>(result.Output);
        var unknown = document.Unknowns!.Value.Should().ContainSingle(u => u.Field == "specificity").Subject;
        unknown.Fact.Should().Be("t-1");
        unknown.Tried.Select(t => (t.Value, t.After!.Status)).Should().Contain(("general", "violated"));
        document.Changes.Should().BeNull();
    }

    [Fact]
    public void WhatIf_Json_WithSet_ListsTheChangeBeforeAndAfter()
    {
        var result = Cli.Run("what-if", Samples.Ordinance, Samples.Scenario(Undetermined), "--set", "t-1.specificity=general", "--format", "json");

        result.ExitCode.Should().Be(CliApp.Violation, result.Errors);
        var document = OrdinanceJson.Read<WhatIfDocument>(result.Output);
        document.Set.Should().Equal("t-1.specificity=general");
        var change = document.Changes!.Value.Should().ContainSingle().Subject;
        (change.Before!.Status, change.After!.Status).Should().Be(("undetermined", "violated"));
        document.DecisionAfter!.InputDigest.Should().NotBe(document.Decision.InputDigest);
    }

    [Fact]
    public void Readings_Json_ListsEveryAlternativeAndTheDefault()
    {
        var result = Cli.Run("readings", Samples.Ordinance, "--format", "json");

        result.ExitCode.Should().Be(CliApp.Ok, result.Errors);
        var document = OrdinanceJson.Read<ReadingsDocument>(result.Output);
        var anchor = document.Readings.Should().ContainSingle(r => r.Name == "p3-anchor").Subject;
        anchor.Default.Should().Be("receipt");
        anchor.Alternatives.Select(a => a.Name).Should().Contain("actual-reading");
    }

    [Fact]
    public void Test_Json_CountsEveryCaseAndMeasuresCoverage()
    {
        var result = Cli.Run("test", Path.Combine(Path.GetDirectoryName(Samples.Ordinance)!, "..", "tests"), "--format", "json", "--coverage");

        result.ExitCode.Should().Be(CliApp.Ok, result.Errors);
        var document = OrdinanceJson.Read<TestRunDocument>(result.Output);
        document.Failed.Should().Be(0);
        document.Cases.Should().Be(document.Suites.Sum(s => s.Cases.Length)).And.BeGreaterThan(10);
        document.Coverage!.Value.Should().NotBeEmpty().And.OnlyContain(c => c.Reached <= c.Total);
    }

    [Fact]
    public void Compare_Json_IsAComparisonDocument()
    {
        var lawrence = Path.Combine(Path.GetDirectoryName(Samples.Ordinance)!, "lawrence-ks.yaml");

        var result = Cli.Run("compare", Samples.Ordinance, lawrence, "--scenarios", Path.GetDirectoryName(Samples.Scenario("x"))!, "--format", "json");

        var document = OrdinanceJson.Read<ComparisonDocument>(result.Output);
        document.Ordinances.Select(o => o.Label).Should().Equal("roeland-park-ks", "lawrence-ks");
        document.Ordinances.Should().OnlyContain(o => o.ContentHash != null);
        var cells = document.Scenarios.SelectMany(s => s.Cells).ToList();
        cells.Where(c => c.NotExpressible.IsEmpty).Should().OnlyContain(c => c.Decision.InputDigest != null && c.Findings.All(f => f.Text == null));
        var notExpressible = document.Scenarios.Where(s => s.Cells.Any(c => !c.NotExpressible.IsEmpty)).ToList();
        notExpressible.Select(s => s.File).Should().OnlyContain(f => f.Contains("p4b-", StringComparison.Ordinal), "only the P4b scenarios use what Roeland Park adds to the vocabulary (reading I-7)")
            .And.HaveCount(2);
        notExpressible.SelectMany(s => s.Cells).Where(c => !c.NotExpressible.IsEmpty)
            .Should().OnlyContain(c => c.Ordinance == "lawrence-ks" && c.Decision.InputDigest == null && c.Findings.IsEmpty);
        document.Differences.Should().Be(document.Scenarios.Count(s => s.Differs));
    }

    [Fact]
    public void Analyze_Json_IsTheLibrarysDocumentOfTheSameAnalysis()
    {
        var lawrence = Path.Combine(Path.GetDirectoryName(Samples.Ordinance)!, "lawrence-ks.yaml");

        var result = Cli.Run("analyze", lawrence, "--format", "json");

        result.ExitCode.Should().Be(CliApp.Ok, result.Errors);
        var cli = AnalysisJson.Read<AnalysisDocument>(result.Output);
        var options = new AnalysisOptions { Timeout = TimeSpan.FromSeconds(cli.TimeoutSeconds) };
        var library = AnalysisJson.Analysis(OrdinanceAnalyzer.Analyze(OrdinanceYaml.LoadOrdinance(lawrence).GetValueOrThrow(), options), options, new WitnessWriting(OrdinanceYaml.WriteScenario));
        cli.SchemaVersion.Should().Be(OrdinanceJson.SchemaVersion);
        (cli.Ordinance, cli.FactsPerType).Should().Be((library.Ordinance, library.FactsPerType));
        cli.Readings.Should().Equal(library.Readings);

        // The solver may pick other witnesses of the same statuses: what is claimed must be the same.
        cli.Provisions.Select(p => (p.Provision, p.Analysed, string.Join(",", p.Reachable.Select(w => w.Status)), string.Join(",", p.Unreachable)))
            .Should().Equal(library.Provisions.Select(p => (p.Provision, p.Analysed, string.Join(",", p.Reachable.Select(w => w.Status)), string.Join(",", p.Unreachable))));
        cli.Findings.Select(f => (f.Kind, f.Provision, f.Exception, f.Message)).Should().Equal(library.Findings.Select(f => (f.Kind, f.Provision, f.Exception, f.Message)));
        cli.Findings.Should().Contain(f => f.Kind == "never-complied" && f.Provision == "LW-P3" && f.Witness!.Status == "violated");
    }

    [Fact]
    public void Analyze_Json_NamesTheOtherProvisionOfAConflict()
    {
        var seeded = Path.Combine(Samples.Root, "tests", "OrdinanceRules.Analysis.Tests", "TestData", "seeded-conflicts.yaml");

        var result = Cli.Run("analyze", seeded, "--format", "json");

        result.ExitCode.Should().Be(CliApp.Ok, result.Errors);
        SchemaFiles.Errors("analysis", result.Output).Should().BeNull();
        var conflict = AnalysisJson.Read<AnalysisDocument>(result.Output).Findings.Should().ContainSingle(f => f.Kind == "conflict").Subject;
        conflict.OtherProvision.Should().Be("S-MAY-SHARE");
        conflict.Witness.Should().NotBeNull();
    }

    [Fact]
    public void Diff_Json_NamesTheReadingsEachWitnessNeeds()
    {
        var result = Cli.Run("diff", Samples.Ordinance, "--reading-b", "p2-judicial-warrant=exception-for-criminal-immigration", "--format", "json");

        result.ExitCode.Should().Be(CliApp.Violation, result.Errors);
        var document = AnalysisJson.Read<DiffDocument>(result.Output);
        document.SchemaVersion.Should().Be(OrdinanceJson.SchemaVersion);
        var p2 = document.Pairs.Should().ContainSingle(p => p.Outcome == "differs").Subject;
        (p2.ProvisionA, p2.ProvisionB).Should().Be(("P2", "P2"));
        p2.Differences.Should().NotBeEmpty().And.OnlyContain(d =>
            d.A.Readings.IsEmpty && d.B.Readings.SequenceEqual(new[] { "p2-judicial-warrant=exception-for-criminal-immigration" }) && d.A.Scenario == d.B.Scenario);
    }

    [Theory]
    [InlineData("explain")]
    [InlineData("what-if")]
    [InlineData("readings")]
    [InlineData("test")]
    public void Format_Unknown_IsACommandLineError(string command)
    {
        var args = command switch
        {
            "readings" => new[] { command, Samples.Ordinance, "--format", "xml" },
            "test" => [command, Samples.Ordinance, "--format", "xml"],
            _ => [command, Samples.Ordinance, Samples.Scenario(Undetermined), "--format", "xml"],
        };

        var result = Cli.Run(args);

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.Errors.Should().Contain("--format must be text or json, not 'xml'");
    }

    private static IEnumerable<ExplanationNodeJson> Flatten(ExplanationNodeJson node) => node.Children.SelectMany(Flatten).Prepend(node);
}
