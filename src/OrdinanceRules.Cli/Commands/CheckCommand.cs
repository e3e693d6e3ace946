using OrdinanceRules.Cli.Rendering;
using OrdinanceRules.Compilation;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Evaluation;
using OrdinanceRules.Facts;
using OrdinanceRules.Yaml;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrdinanceRules.Cli.Commands;

/// <summary><c>ordinance check</c>: loads and compiles an ordinance once, then evaluates each scenario.</summary>
internal sealed class CheckCommand(IAnsiConsole console, TextWriter errors) : Command<CheckSettings>
{
    public override int Execute(CommandContext context, CheckSettings settings, CancellationToken cancellationToken)
    {
        var loaded = OrdinanceYaml.LoadOrdinance(settings.Ordinance);
        if (!loaded.Succeeded)
        {
            return Fail(InFile(settings.Ordinance, loaded.Diagnostics));
        }

        var higherLaws = new List<Model.Ordinance>();
        var lawProblems = new List<Diagnostic>();
        foreach (var path in settings.Laws)
        {
            var law = OrdinanceYaml.LoadOrdinance(path);
            if (law.Succeeded)
            {
                higherLaws.Add(law.Value);
            }
            else
            {
                lawProblems.AddRange(InFile(path, law.Diagnostics));
            }
        }

        if (lawProblems.Count > 0)
        {
            return Fail(lawProblems);
        }

        // Stacked or not, scenarios are read in compiled.Ordinance's vocabulary: the stack's shared one.
        var compiled = OrdinanceCompiler.TryCompile(loaded.Value, higherLaws);
        if (!compiled.Succeeded)
        {
            return Fail(compiled.Diagnostics);
        }

        var ordinance = compiled.Value;
        DateTimeOffset? asOf = null;
        if (settings.AsOf is not null)
        {
            if (!JurisdictionClock.For(ordinance.Ordinance.Jurisdiction.TimeZone).TryParse(settings.AsOf, out var instant, out var error))
            {
                return Fail([new Diagnostic(CliDiagnosticCodes.InvalidAsOf, $"--as-of: {error}")]);
            }

            asOf = instant;
        }

        if (!ReadingChoices.TryParse(ordinance.Ordinance, settings.Readings, out var options, out var readingProblems))
        {
            return Fail(readingProblems);
        }

        var reports = new List<ComplianceReport>();
        var problems = new List<Diagnostic>();
        foreach (var path in settings.Scenarios)
        {
            var scenario = OrdinanceYaml.LoadScenario(path, ordinance.Ordinance);
            if (!scenario.Succeeded)
            {
                problems.AddRange(InFile(path, scenario.Diagnostics));
                continue;
            }

            var when = asOf ?? scenario.Value.AsOf;
            if (when is null)
            {
                problems.Add(new Diagnostic(CliDiagnosticCodes.MissingAsOf, "the scenario names no as-of instant; add 'as-of:' to it or pass --as-of", scenario.Value.Location ?? new SourceLocation(path, 1, 1)));
                continue;
            }

            reports.Add(ordinance.Evaluate(scenario.Value, when.Value, options));
        }

        if (problems.Count > 0)
        {
            return Fail(problems);
        }

        if (settings.Format == "json")
        {
            console.Profile.Out.Writer.WriteLine(ReportJson.Write(reports));
        }
        else
        {
            foreach (var report in reports)
            {
                ReportRenderer.Render(console, report);
            }
        }

        return reports.Any(r => r.HasViolations) ? CliApp.Violation : CliApp.Ok;
    }

    /// <summary>Places a problem with no location, such as a file that does not exist, at the start of the file named on the command line.</summary>
    private static IEnumerable<Diagnostic> InFile(string path, IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => d.Location is null ? d with { Location = new SourceLocation(path, 1, 1) } : d);

    private int Fail(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            errors.WriteLine(diagnostic.ToString());
        }

        return CliApp.BadInput;
    }
}
