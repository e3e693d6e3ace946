using OrdinanceRules.Cli.Commands;
using OrdinanceRules.Cli.Rendering;
using OrdinanceRules.Explanations;
using OrdinanceRules.Facts;
using OrdinanceRules.Json;
using OrdinanceRules.Vocabulary;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrdinanceRules.Cli.Explain;

/// <summary>
/// <c>ordinance what-if</c>: with <c>--set</c>, re-evaluates the scenario with the changed fields and prints the findings
/// that changed, before and after; without, tries each unknown of each undetermined finding and prints the outcomes.
/// </summary>
internal sealed class WhatIfCommand(IAnsiConsole console, TextWriter errors, WorkingFolder folder) : Command<WhatIfSettings>
{
    public override int Execute(CommandContext context, WhatIfSettings settings, CancellationToken cancellationToken)
    {
        var run = ScenarioRun.TryLoad(settings, folder.Reading(settings.AllowOutside, settings.ShowSensitive), out var problems);
        if (run is null)
        {
            return EvaluationSetup.Fail(errors, problems);
        }

        var json = settings.Format == JsonOutput.Json;
        return settings.Sets.Length == 0 ? Unknowns(run, json) : Changes(run, settings.Sets, json);
    }

    /// <summary>A <c>--set</c> as it may be printed: the value of a sensitive field hidden unless <c>--show-sensitive</c>.</summary>
    private static string Shown(ScenarioRun run, string set, int dot, int equals)
    {
        var fact = run.Scenario.FindFact(set[..dot]);
        return fact is not null && fact.Type.TryGetField(set[(dot + 1)..equals], out var field)
            ? set[..(equals + 1)] + Redaction.Show(field, set[(equals + 1)..], run.Options.ShowSensitive)
            : set;
    }

    private int Unknowns(ScenarioRun run, bool json)
    {
        var unknowns = WhatIf.Unknowns(run.Ordinance, run.Scenario, run.AsOf, run.Options);
        if (json)
        {
            JsonOutput.Write(console, OrdinanceJson.Unknowns(run.Evaluate(), unknowns));
            return CliApp.Ok;
        }

        console.MarkupLine($"[bold]{Markup.Escape(run.Scenario.Name)}[/]");
        if (unknowns.IsEmpty)
        {
            console.WriteLine("No finding is undetermined: there is no unknown to try.");
        }

        foreach (var finding in unknowns.GroupBy(u => u.Finding))
        {
            console.MarkupLine($"{Markup.Escape(Heading(finding.Key))}: [yellow]Undetermined[/]");
            foreach (var unknown in finding)
            {
                console.WriteLine($"  {unknown.Unknown}");
                if (unknown.Redacted)
                {
                    console.WriteLine("    not tried: the field is sensitive; --show-sensitive tries each of its values");
                }
                else if (unknown.Tried.IsEmpty)
                {
                    console.WriteLine(unknown.FactId is null
                        ? "    not a field of a fact: nothing to try"
                        : $"    not tried: its values cannot be listed; use --set {unknown.FactId}.{unknown.Field}=<value>");
                }

                foreach (var tried in unknown.Tried)
                {
                    console.WriteLine(tried.After is null
                        ? $"    if {tried.Value}: no finding for these facts"
                        : $"    if {tried.Value}: {tried.After.Status}: {tried.After.Reason}");
                }
            }
        }

        return CliApp.Ok;
    }

    private int Changes(ScenarioRun run, IReadOnlyList<string> sets, bool json)
    {
        var ordinance = run.Ordinance.Ordinance;
        var edit = new ScenarioEdit(run.Scenario, ordinance.Vocabulary, ordinance.Jurisdiction.TimeZone);
        var problems = new List<Diagnostic>();
        var shown = new List<string>();
        foreach (var set in sets)
        {
            var equals = set.IndexOf('=', StringComparison.Ordinal);
            var dot = equals < 0 ? -1 : set.LastIndexOf('.', equals);
            if (equals < 0 || dot <= 0 || dot == equals - 1)
            {
                problems.Add(new Diagnostic(ExplainDiagnosticCodes.InvalidSet, $"--set '{set}': give fact.field=value, such as t-1.specificity=specific"));
                continue;
            }

            var one = new ScenarioEdit(run.Scenario, ordinance.Vocabulary, ordinance.Jurisdiction.TimeZone)
                .ShowSensitive(run.Options.ShowSensitive)
                .SetText(set[..dot], set[(dot + 1)..equals], set[(equals + 1)..]);
            if (one.TryBuild(out var diagnostics) is null)
            {
                problems.AddRange(diagnostics.Select(d => new Diagnostic(ExplainDiagnosticCodes.InvalidSet, $"--set {Shown(run, set, dot, equals)}: {d.Message}")));
                continue;
            }

            edit.SetText(set[..dot], set[(dot + 1)..equals], set[(equals + 1)..]);
            shown.Add(Shown(run, set, dot, equals));
        }

        if (problems.Count > 0)
        {
            return EvaluationSetup.Fail(errors, problems);
        }

        var before = run.Evaluate();
        var after = run.Evaluate(edit.Build());
        if (json)
        {
            JsonOutput.Write(console, OrdinanceJson.Changes(before, after, shown));
            return after.HasViolations ? CliApp.Violation : CliApp.Ok;
        }

        console.MarkupLine($"[bold]{Markup.Escape(run.Scenario.Name)}[/]");
        console.WriteLine($"With {string.Join(", ", shown)}:");
        var changes = WhatIf.Changes(before, after);
        if (changes.IsEmpty)
        {
            console.WriteLine("No finding changes.");
        }

        foreach (var change in changes)
        {
            var finding = change.After ?? change.Before!;
            console.WriteLine($"{Heading(finding)}: {change.Before?.Status.ToString() ?? "(none)"} -> {change.After?.Status.ToString() ?? "(none)"}");
            if (change.Before is not null)
            {
                console.WriteLine($"  before: {change.Before.Reason}");
            }

            if (change.After is not null)
            {
                console.WriteLine($"  after:  {change.After.Reason}");
            }
        }

        return after.HasViolations ? CliApp.Violation : CliApp.Ok;
    }

    private static string Heading(Finding finding) =>
        finding.ProvisionId + (finding.Facts.IsEmpty ? string.Empty : $" ({string.Join(", ", finding.Facts.Select(f => $"{f.Variable}={f.FactId}"))})");
}
