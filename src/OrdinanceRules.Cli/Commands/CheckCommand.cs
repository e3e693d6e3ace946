using OrdinanceRules.Cli.Rendering;
using OrdinanceRules.Json;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrdinanceRules.Cli.Commands;

/// <summary><c>ordinance check</c>: loads and compiles an ordinance once, then evaluates each scenario.</summary>
internal sealed class CheckCommand(IAnsiConsole console, TextWriter errors, StandardInput input, WorkingFolder folder) : Command<CheckSettings>
{
    public override int Execute(CommandContext context, CheckSettings settings, CancellationToken cancellationToken)
    {
        var problems = new List<Diagnostic>();
        var setup = EvaluationSetup.TryLoad(settings.Ordinance, settings.Laws, settings.AsOf, settings.Readings, folder.Reading(settings.AllowOutside, settings.ShowSensitive), problems);
        if (setup is null)
        {
            return EvaluationSetup.Fail(errors, problems);
        }

        var reports = new List<ComplianceReport>();
        foreach (var path in settings.Scenarios)
        {
            if (setup.TryLoadScenario(path, problems, input) is var (scenario, asOf))
            {
                reports.Add(setup.Ordinance.Evaluate(scenario, asOf, setup.Options));
            }
        }

        if (problems.Count > 0)
        {
            return EvaluationSetup.Fail(errors, problems);
        }

        if (settings.Format == JsonOutput.Json)
        {
            JsonOutput.Write(console, OrdinanceJson.Reports(reports));
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
}
