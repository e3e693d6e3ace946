using System.Collections.Immutable;
using OrdinanceRules.Cli.Commands;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Facts;
using OrdinanceRules.Yaml;

namespace OrdinanceRules.Cli.Comparison;

/// <summary>
/// Builds a <see cref="ComparisonMatrix"/>: loads and compiles each ordinance once, loads every
/// scenario of a folder under each ordinance, and evaluates each pair in its own session.
/// </summary>
/// <remarks>
/// Every input is read before anything is evaluated, and every problem is collected. A scenario that
/// loads under some ordinances but not under another because it uses a fact type, field or value that
/// the other's vocabulary lacks (another city's vocabulary extension, say) is shown as "not
/// expressible" in that ordinance's column. A scenario that loads under none, or fails for any other
/// reason (a YAML error, a dangling reference within the file), is reported at its file, line and
/// column, with the ordinances it failed under named in the message.
/// </remarks>
internal static class ComparisonBuilder
{
    /// <summary>The problems that mean "this vocabulary has no such type, field or value", not "the file is wrong".</summary>
    private static readonly string[] VocabularyCodes = [DiagnosticCodes.InvalidFact, DiagnosticCodes.DanglingReference];

    /// <summary>The scenario files of a folder: its <c>*.yaml</c> files, not its subfolders, in ordinal order of their names.</summary>
    public static IReadOnlyList<string> ScenarioFiles(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*.yaml", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal)];

    /// <summary>Builds the matrix, or returns every problem found in the inputs.</summary>
    /// <param name="ordinancePaths">The ordinance files, in column order.</param>
    /// <param name="scenarioFolder">The folder of scenario files.</param>
    /// <param name="asOf">The <c>--as-of</c> text, read in each ordinance's zone; null to judge each scenario at its own <c>as-of:</c>.</param>
    /// <param name="read">How far an ordinance's vocabulary file may lie from it, and whether problems in the scenarios may quote values of sensitive fields; null for its own folder and no.</param>
    /// <param name="readings">
    /// The <c>--reading</c> values: each one column's readings (<c>name=alternative</c>, several joined by commas) of the
    /// single ordinance given. One value compares the defaults with it; two or more compare them with each other.
    /// </param>
    public static Result<ComparisonMatrix> Build(IReadOnlyList<string> ordinancePaths, string scenarioFolder, string? asOf, YamlReadOptions? read = null, IReadOnlyList<string>? readings = null)
    {
        var problems = new List<Diagnostic>();
        readings ??= [];
        if (readings.Count > 0 && ordinancePaths.Count != 1)
        {
            problems.Add(new Diagnostic(CompareDiagnosticCodes.ReadingsNeedOneOrdinance, $"--reading compares one ordinance under different readings: give exactly one ordinance, not {ordinancePaths.Count}"));
            return Result<ComparisonMatrix>.Failure(problems);
        }

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

        var columns = Columns(ordinancePaths, compiled, readings, problems);
        if (problems.Count > 0)
        {
            return Result<ComparisonMatrix>.Failure(problems);
        }

        var instants = new DateTimeOffset?[columns.Count];
        if (asOf is not null)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                if (!JurisdictionClock.For(columns[i].Compiled.Ordinance.Jurisdiction.TimeZone).TryParse(asOf, out var instant, out var error))
                {
                    return Result<ComparisonMatrix>.Failure([new Diagnostic(CliDiagnosticCodes.InvalidAsOf, $"--as-of: {error}")]);
                }

                instants[i] = instant;
            }
        }

        var rows = new List<ComparisonRow>();
        foreach (var file in ScenarioFiles(scenarioFolder))
        {
            if (Row(file, columns, instants, read ?? YamlReadOptions.Default, problems) is { } row)
            {
                rows.Add(row);
            }
        }

        if (problems.Count > 0)
        {
            return Result<ComparisonMatrix>.Failure(problems);
        }

        var compared = columns.Select(c => new ComparedOrdinance(
            c.Label, c.Path, c.Compiled.Ordinance.Citation, c.Compiled.Ordinance.Title, c.Compiled.Ordinance.Notes, c.Compiled.Ordinance.Jurisdiction.TimeZone, c.Compiled.ContentHash)
        {
            Readings = c.ReadingsUsed,
            Extends = c.Compiled.Ordinance.Extends,
            Provisions = c.Compiled.Ordinance.Provisions,
        });
        return Result<ComparisonMatrix>.Success(new ComparisonMatrix([.. compared], [.. rows]));
    }

    /// <summary>One column: an ordinance, the options it is evaluated with, and its label.</summary>
    private sealed record Column(string Label, string Path, CompiledOrdinance Compiled, EvaluationOptions Options, ImmutableArray<string> ReadingsUsed);

    private static List<Column> Columns(IReadOnlyList<string> paths, List<CompiledOrdinance> compiled, IReadOnlyList<string> readings, List<Diagnostic> problems)
    {
        var labels = Labels(paths);
        if (readings.Count == 0)
        {
            return [.. compiled.Select((c, i) => new Column(labels[i], paths[i], c, EvaluationOptions.Default, Used(c, EvaluationOptions.Default)))];
        }

        var ordinance = compiled[0];
        var sets = readings.Count == 1 ? new[] { string.Empty, readings[0] } : [.. readings];
        var columns = new List<Column>();
        foreach (var set in sets)
        {
            var values = set.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (!ReadingArguments.TryParse(ordinance.Ordinance, values, out var options, out var readingProblems))
            {
                problems.AddRange(readingProblems);
                continue;
            }

            var label = set.Length == 0 ? $"{labels[0]} (default readings)" : $"{labels[0]} ({string.Join(", ", values)})";
            columns.Add(new Column(label, paths[0], ordinance, options, Used(ordinance, options)));
        }

        return columns;
    }

    /// <summary>The readings a column uses, as reports print them: <c>name=alternative</c>, the defaults marked.</summary>
    private static ImmutableArray<string> Used(CompiledOrdinance compiled, EvaluationOptions options) =>
    [
        .. compiled.Ordinance.Readings.Select(r => options.Readings.TryGetValue(r.Name, out var chosen) && chosen != r.Default
            ? $"{r.Name}={chosen}"
            : $"{r.Name}={r.Default} (default)"),
    ];

    private static ComparisonRow? Row(string file, List<Column> columns, DateTimeOffset?[] instants, YamlReadOptions read, List<Diagnostic> problems)
    {
        var scenarios = new Scenario?[columns.Count];
        var failed = new List<Diagnostic>[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            var loaded = OrdinanceYaml.LoadScenario(file, columns[i].Compiled.Ordinance, read);
            if (loaded.Succeeded)
            {
                scenarios[i] = loaded.Value;
            }
            else
            {
                failed[i] = [.. EvaluationSetup.InFile(file, loaded.Diagnostics)];
            }
        }

        // Not expressible: it loads under some column, and fails under this one only for want of a type, field or value.
        var anyLoaded = scenarios.Any(s => s is not null);
        var failures = new Dictionary<Diagnostic, List<string>>();
        for (var i = 0; i < columns.Count; i++)
        {
            if (failed[i] is { } diagnostics && !(anyLoaded && diagnostics.All(d => VocabularyCodes.Contains(d.Code, StringComparer.Ordinal))))
            {
                foreach (var diagnostic in diagnostics)
                {
                    if (!failures.TryGetValue(diagnostic, out var under))
                    {
                        failures[diagnostic] = under = [];
                    }

                    under.Add(columns[i].Label);
                }
            }
        }

        foreach (var (diagnostic, under) in failures)
        {
            var which = under.Count == columns.Count && columns.Count > 1 ? "every ordinance" : string.Join(", ", under);
            problems.Add(diagnostic with { Message = $"{diagnostic.Message} (the scenario does not load under {which})" });
        }

        if (failures.Count > 0)
        {
            return null;
        }

        var first = scenarios.First(s => s is not null)!;
        var cells = ImmutableArray.CreateBuilder<ComparisonCell>(columns.Count);
        for (var i = 0; i < columns.Count; i++)
        {
            if (scenarios[i] is not { } scenario)
            {
                cells.Add(new ComparisonCell(null, [.. failed[i].Select(d => d.Message)]) { AsOf = instants[i] ?? first.AsOf });
                continue;
            }

            var when = instants[i] ?? scenario.AsOf;
            if (when is null)
            {
                problems.Add(EvaluationSetup.MissingAsOf(file, scenario.Location));
                return null;
            }

            cells.Add(new ComparisonCell(columns[i].Compiled.Evaluate(scenario, when.Value, columns[i].Options)));
        }

        return new ComparisonRow(file, Path.GetFileNameWithoutExtension(file), first.Name, cells.MoveToImmutable()) { Description = first.Description };
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
