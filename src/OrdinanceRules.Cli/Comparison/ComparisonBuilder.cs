using System.Collections.Immutable;
using OrdinanceRules.Cli.Commands;
using OrdinanceRules.Compilation;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Facts;
using OrdinanceRules.Yaml;

namespace OrdinanceRules.Cli.Comparison;

/// <summary>
/// Builds a <see cref="ComparisonMatrix"/>: loads and compiles each ordinance once, loads every
/// scenario of a folder under each ordinance, and evaluates each pair in its own session.
/// </summary>
/// <remarks>
/// Every input is read before anything is evaluated, and every problem is collected: a scenario
/// that does not load under one of the ordinances (it uses a fact type or field that only another
/// ordinance's vocabulary adds, say) is reported at its file, line and column, with the ordinances
/// it failed under named in the message.
/// </remarks>
internal static class ComparisonBuilder
{
    /// <summary>The scenario files of a folder: its <c>*.yaml</c> files, not its subfolders, in ordinal order of their names.</summary>
    public static IReadOnlyList<string> ScenarioFiles(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*.yaml", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal)];

    /// <summary>Builds the matrix, or returns every problem found in the inputs.</summary>
    /// <param name="ordinancePaths">The ordinance files, in column order.</param>
    /// <param name="scenarioFolder">The folder of scenario files.</param>
    /// <param name="asOf">The <c>--as-of</c> text, read in each ordinance's zone; null to judge each scenario at its own <c>as-of:</c>.</param>
    /// <param name="read">How far an ordinance's vocabulary file may lie from it, and whether problems in the scenarios may quote values of sensitive fields; null for its own folder and no.</param>
    public static Result<ComparisonMatrix> Build(IReadOnlyList<string> ordinancePaths, string scenarioFolder, string? asOf, YamlReadOptions? read = null)
    {
        var problems = new List<Diagnostic>();

        var compiled = new List<CompiledOrdinance>();
        foreach (var path in ordinancePaths)
        {
            var loaded = OrdinanceYaml.LoadOrdinance(path, read);
            if (!loaded.Succeeded)
            {
                problems.AddRange(EvaluationSetup.InFile(path, loaded.Diagnostics));
                continue;
            }

            var result = OrdinanceCompiler.TryCompile(loaded.Value);
            if (!result.Succeeded)
            {
                problems.AddRange(EvaluationSetup.InFile(path, result.Diagnostics));
                continue;
            }

            compiled.Add(result.Value);
        }

        if (!Directory.Exists(scenarioFolder))
        {
            problems.Add(new Diagnostic(CompareDiagnosticCodes.NoScenarios, $"--scenarios: '{scenarioFolder}' is not a folder"));
        }
        else if (ScenarioFiles(scenarioFolder).Count == 0)
        {
            problems.Add(new Diagnostic(CompareDiagnosticCodes.NoScenarios, $"--scenarios: the folder '{scenarioFolder}' has no *.yaml scenario files"));
        }

        if (problems.Count > 0)
        {
            return Result<ComparisonMatrix>.Failure(problems);
        }

        var instants = new DateTimeOffset?[compiled.Count];
        if (asOf is not null)
        {
            for (var i = 0; i < compiled.Count; i++)
            {
                if (!JurisdictionClock.For(compiled[i].Ordinance.Jurisdiction.TimeZone).TryParse(asOf, out var instant, out var error))
                {
                    return Result<ComparisonMatrix>.Failure([new Diagnostic(CliDiagnosticCodes.InvalidAsOf, $"--as-of: {error}")]);
                }

                instants[i] = instant;
            }
        }

        var labels = Labels(ordinancePaths);
        var rows = new List<ComparisonRow>();
        foreach (var file in ScenarioFiles(scenarioFolder))
        {
            var scenarios = new Scenario?[compiled.Count];

            // The same problem under several ordinances (a YAML syntax error, say) is reported once, naming them all.
            var failures = new Dictionary<Diagnostic, List<string>>();
            for (var i = 0; i < compiled.Count; i++)
            {
                var loaded = OrdinanceYaml.LoadScenario(file, compiled[i].Ordinance, read ?? YamlReadOptions.Default);
                if (loaded.Succeeded)
                {
                    scenarios[i] = loaded.Value;
                    continue;
                }

                foreach (var diagnostic in EvaluationSetup.InFile(file, loaded.Diagnostics))
                {
                    if (!failures.TryGetValue(diagnostic, out var under))
                    {
                        failures[diagnostic] = under = [];
                    }

                    under.Add(labels[i]);
                }
            }

            foreach (var (diagnostic, under) in failures)
            {
                var which = under.Count == compiled.Count && compiled.Count > 1 ? "every ordinance" : string.Join(", ", under);
                problems.Add(diagnostic with { Message = $"{diagnostic.Message} (the scenario does not load under {which})" });
            }

            if (failures.Count > 0)
            {
                continue;
            }

            var cells = ImmutableArray.CreateBuilder<ComparisonCell>(compiled.Count);
            for (var i = 0; i < compiled.Count; i++)
            {
                var scenario = scenarios[i]!;
                var when = instants[i] ?? scenario.AsOf;
                if (when is null)
                {
                    problems.Add(EvaluationSetup.MissingAsOf(file, scenario.Location));
                    break;
                }

                cells.Add(new ComparisonCell(compiled[i].Evaluate(scenario, when.Value)));
            }

            if (cells.Count == compiled.Count)
            {
                rows.Add(new ComparisonRow(file, Path.GetFileNameWithoutExtension(file), scenarios[0]!.Name, cells.MoveToImmutable()));
            }
        }

        if (problems.Count > 0)
        {
            return Result<ComparisonMatrix>.Failure(problems);
        }

        var columns = compiled.Select((c, i) => new ComparedOrdinance(
            labels[i], ordinancePaths[i], c.Ordinance.Citation, c.Ordinance.Title, c.Ordinance.Notes, c.Ordinance.Jurisdiction.TimeZone, c.ContentHash));
        return Result<ComparisonMatrix>.Success(new ComparisonMatrix([.. columns], [.. rows]));
    }

    /// <summary>Column labels: each file's name without its extension, or the path as given where two names collide.</summary>
    internal static IReadOnlyList<string> Labels(IReadOnlyList<string> paths)
    {
        var stems = paths.Select(Path.GetFileNameWithoutExtension).Select(s => s ?? string.Empty).ToList();
        var labels = paths.Select((p, i) => stems.Count(s => s == stems[i]) > 1 ? p : stems[i]).ToList();

        // The same file named twice: number the repeats so that every column has its own label.
        for (var i = 0; i < labels.Count; i++)
        {
            var repeats = labels.Take(i).Count(l => l == labels[i]);
            if (repeats > 0)
            {
                labels[i] = $"{labels[i]} #{repeats + 1}";
            }
        }

        return labels;
    }
}
