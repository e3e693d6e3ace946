using OrdinanceRules.Cli.Commands;
using OrdinanceRules.Cli.Rendering;
using OrdinanceRules.Json;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrdinanceRules.Cli.Explain;

/// <summary><c>ordinance explain</c>: evaluates one scenario with explanations on and prints each finding's reasoning as a tree.</summary>
internal sealed class ExplainCommand(IAnsiConsole console, TextWriter errors, WorkingFolder folder) : Command<ExplainSettings>
{
    public override int Execute(CommandContext context, ExplainSettings settings, CancellationToken cancellationToken)
    {
        var run = ScenarioRun.TryLoad(settings, folder.Reading(settings.AllowOutside, settings.ShowSensitive), out var problems);
        if (run is null)
        {
            return EvaluationSetup.Fail(errors, problems);
        }

        var ids = run.Ordinance.Ordinance.Provisions.Select(p => p.Id).Concat(run.Ordinance.HigherLaws.SelectMany(l => l.Provisions.Select(p => p.Id))).ToHashSet(StringComparer.Ordinal);
        var unknown = settings.Provisions.Where(p => !ids.Contains(p)).ToList();
        if (unknown.Count > 0)
        {
            return EvaluationSetup.Fail(errors, unknown.Select(p => new Diagnostic(ExplainDiagnosticCodes.UnknownProvision, $"--provision {p}: {run.Ordinance.Ordinance.Citation} has no provision '{p}'; its provisions are: {string.Join(", ", ids)}")));
        }

        var report = run.Evaluate(explain: true);
        if (settings.Format == JsonOutput.Json)
        {
            JsonOutput.Write(console, OrdinanceJson.Explanations(report, settings.Provisions));
            return report.HasViolations ? CliApp.Violation : CliApp.Ok;
        }

        console.MarkupLine($"[bold]{Markup.Escape(report.Scenario)}[/]");
        console.MarkupLine($"{Markup.Escape(report.Ordinance)}: {Markup.Escape(report.Title)}, as of {report.AsOf:yyyy-MM-dd HH:mm:ss zzz}");
        console.WriteLine();
        foreach (var explanation in report.Explanations.Where(e => settings.Provisions.Length == 0 || settings.Provisions.Contains(e.Finding.ProvisionId)))
        {
            ExplanationRenderer.Render(console, explanation);
            console.WriteLine();
        }

        return report.HasViolations ? CliApp.Violation : CliApp.Ok;
    }
}
