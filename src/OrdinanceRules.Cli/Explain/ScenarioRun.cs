using OrdinanceRules.Cli.Commands;
using OrdinanceRules.Compilation;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Evaluation;
using OrdinanceRules.Facts;
using OrdinanceRules.Yaml;

namespace OrdinanceRules.Cli.Explain;

/// <summary>One ordinance, compiled, and one scenario, loaded, with the as-of instant and readings to judge at.</summary>
internal sealed record ScenarioRun(CompiledOrdinance Ordinance, Scenario Scenario, DateTimeOffset AsOf, EvaluationOptions Options)
{
    /// <summary>Loads and checks everything a single-scenario command needs; every problem is returned, none thrown.</summary>
    public static ScenarioRun? TryLoad(string ordinancePath, string scenarioPath, string? asOfText, IReadOnlyList<string> readings, out List<Diagnostic> problems)
    {
        problems = [];
        var loaded = OrdinanceYaml.LoadOrdinance(ordinancePath);
        if (!loaded.Succeeded)
        {
            problems.AddRange(InFile(ordinancePath, loaded.Diagnostics));
            return null;
        }

        var compiled = OrdinanceCompiler.TryCompile(loaded.Value);
        if (!compiled.Succeeded)
        {
            problems.AddRange(compiled.Diagnostics);
            return null;
        }

        var ordinance = compiled.Value;
        DateTimeOffset? asOf = null;
        if (asOfText is not null)
        {
            if (!JurisdictionClock.For(ordinance.Ordinance.Jurisdiction.TimeZone).TryParse(asOfText, out var instant, out var error))
            {
                problems.Add(new Diagnostic(CliDiagnosticCodes.InvalidAsOf, $"--as-of: {error}"));
                return null;
            }

            asOf = instant;
        }

        if (!ReadingChoices.TryParse(ordinance.Ordinance, readings, out var options, out var readingProblems))
        {
            problems.AddRange(readingProblems);
            return null;
        }

        var scenario = OrdinanceYaml.LoadScenario(scenarioPath, ordinance.Ordinance);
        if (!scenario.Succeeded)
        {
            problems.AddRange(InFile(scenarioPath, scenario.Diagnostics));
            return null;
        }

        var when = asOf ?? scenario.Value.AsOf;
        if (when is null)
        {
            problems.Add(new Diagnostic(CliDiagnosticCodes.MissingAsOf, "the scenario names no as-of instant; add 'as-of:' to it or pass --as-of", scenario.Value.Location ?? new SourceLocation(scenarioPath, 1, 1)));
            return null;
        }

        return new ScenarioRun(ordinance, scenario.Value, when.Value, options);
    }

    /// <summary>Evaluates the run's scenario, or another (such as an edited copy), with the run's instant and readings.</summary>
    public ComplianceReport Evaluate(Scenario? scenario = null, bool explain = false) =>
        Ordinance.Evaluate(scenario ?? Scenario, AsOf, Options with { Explain = explain });

    public static int Fail(TextWriter errors, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            errors.WriteLine(diagnostic.ToString());
        }

        return CliApp.BadInput;
    }

    private static IEnumerable<Diagnostic> InFile(string path, IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => d.Location is null ? d with { Location = new SourceLocation(path, 1, 1) } : d);
}
