using System.Diagnostics;
using System.Globalization;
using OrdinanceRules.Cli.Rendering;
using OrdinanceRules.Json;
using OrdinanceRules.Suites;
using OrdinanceRules.Yaml;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrdinanceRules.Cli.Commands;

/// <summary>
/// <c>ordinance test</c>: reads every suite named (or found in the folders named), runs each case, prints
/// each failure as expected against actual with the finding's reason, then a summary; optionally outcome
/// coverage and a JUnit XML file.
/// </summary>
internal sealed class TestCommand(IAnsiConsole console, TextWriter errors, WorkingFolder folder) : Command<TestSettings>
{
    public override int Execute(CommandContext context, TestSettings settings, CancellationToken cancellationToken)
    {
        var problems = new List<Diagnostic>();
        var suites = new List<(SuiteFile File, CompiledOrdinance Ordinance)>();
        foreach (var path in SuitePaths(settings.Paths, problems))
        {
            var loaded = OrdinanceYaml.LoadSuite(path, folder.Reading(settings.AllowOutside, settings.ShowSensitive));
            if (!loaded.Succeeded)
            {
                problems.AddRange(EvaluationSetup.InFile(path, loaded.Diagnostics));
                continue;
            }

            // Each suite's scenarios were read in its own reading of the ordinance, so each compiles its own.
            var ordinance = OrdinanceCompiler.TryCompile(loaded.Value.Ordinance);
            if (!ordinance.Succeeded)
            {
                problems.AddRange(ordinance.Diagnostics);
                continue;
            }

            suites.Add((loaded.Value, ordinance.Value));
        }

        if (problems.Count > 0)
        {
            return EvaluationSetup.Fail(errors, problems.Distinct());
        }

        var runs = suites.Select(s => Run(s.File, s.Ordinance)).ToList();
        if (settings.Format == JsonOutput.Json)
        {
            return WriteJson(runs, settings);
        }

        foreach (var failed in runs.SelectMany(r => r.Cases).Where(c => !c.Result.Passed))
        {
            WriteFailure(failed.Result);
        }

        var cases = runs.Sum(r => r.Cases.Count);
        var failures = runs.Sum(r => r.Cases.Count(c => !c.Result.Passed));
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Plural(runs.Count, "suite")}, {Plural(cases, "case")}: {cases - failures} passed, {failures} failed"));

        var belowMinimum = false;
        if (settings.Coverage || settings.MinCoveragePercent is not null)
        {
            belowMinimum = WriteCoverage(runs, settings.Coverage, settings.MinCoveragePercent);
        }

        if (!TryWriteJUnit(settings, runs))
        {
            return CliApp.BadInput;
        }

        return failures > 0 || belowMinimum ? CliApp.Violation : CliApp.Ok;
    }

    /// <summary>With <c>--format json</c>: every suite's cases as one document, with coverage when asked for; the exit code as for text.</summary>
    private int WriteJson(List<SuiteRun> runs, TestSettings settings)
    {
        var coverages = settings.Coverage || settings.MinCoveragePercent is not null
            ? runs.GroupBy(r => Path.GetFullPath(r.File.OrdinancePath), StringComparer.Ordinal)
                .Select(g => OutcomeCoverage.Measure(g.First().File.Ordinance, g.SelectMany(r => r.Cases).Select(c => c.Result)))
                .ToList()
            : null;
        JsonOutput.Write(console, OrdinanceJson.TestRun(runs.Select(r => new SuiteResult(r.File.Suite, [.. r.Cases.Select(c => c.Result)])), coverages));
        if (!TryWriteJUnit(settings, runs))
        {
            return CliApp.BadInput;
        }

        var reached = coverages?.Sum(c => c.Reached) ?? 0;
        var total = coverages?.Sum(c => c.Total) ?? 0;
        var belowMinimum = settings.MinCoveragePercent is { } min && (total == 0 ? 100m : 100m * reached / total) < min;
        return runs.Any(r => r.Cases.Any(c => !c.Result.Passed)) || belowMinimum ? CliApp.Violation : CliApp.Ok;
    }

    private bool TryWriteJUnit(TestSettings settings, List<SuiteRun> runs)
    {
        if (settings.JUnit is null)
        {
            return true;
        }

        try
        {
            JUnitWriter.Write(settings.JUnit, runs);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            errors.WriteLine(new Diagnostic(CliDiagnosticCodes.CannotWrite, $"--junit: cannot write '{settings.JUnit}': {ex.Message}").ToString());
            return false;
        }
    }

    /// <summary>The suite files named, and those found in the folders named, each folder's sorted by path.</summary>
    private static List<string> SuitePaths(IEnumerable<string> paths, List<Diagnostic> problems)
    {
        var found = new List<string>();
        foreach (var path in paths)
        {
            if (!Directory.Exists(path))
            {
                found.Add(path);
                continue;
            }

            var inFolder = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".suite.yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".suite.yml", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .ToList();
            if (inFolder.Count == 0)
            {
                problems.Add(new Diagnostic(CliDiagnosticCodes.NoSuites, $"the folder '{path}' holds no test suite (files named *.suite.yaml or *.suite.yml)"));
            }

            found.AddRange(inFolder);
        }

        return [.. found.Distinct(StringComparer.Ordinal)];
    }

    private static SuiteRun Run(SuiteFile file, CompiledOrdinance ordinance)
    {
        var cases = new List<CaseRun>();
        foreach (var suiteCase in file.Suite.Cases)
        {
            var watch = Stopwatch.StartNew();
            var result = SuiteRunner.RunCase(suiteCase, ordinance);
            cases.Add(new CaseRun(result, watch.Elapsed));
        }

        return new SuiteRun(file, cases);
    }

    private void WriteFailure(CaseResult result)
    {
        var lines = result.FailureMessage!.Split('\n');
        console.Write(new Text("FAIL", new Style(Color.Red, decoration: Decoration.Bold)));
        console.WriteLine(" " + lines[0]);
        foreach (var line in lines.Skip(1))
        {
            console.WriteLine("  " + line);
        }

        console.WriteLine();
    }

    /// <summary>Writes the coverage of each ordinance (all of it, or only the totals) and says whether the total is below the minimum.</summary>
    private bool WriteCoverage(List<SuiteRun> runs, bool detail, decimal? minimum)
    {
        var reached = 0;
        var total = 0;
        foreach (var group in runs.GroupBy(r => Path.GetFullPath(r.File.OrdinancePath), StringComparer.Ordinal))
        {
            var first = group.First().File;
            var coverage = OutcomeCoverage.Measure(first.Ordinance, group.SelectMany(r => r.Cases).Select(c => c.Result));
            reached += coverage.Reached;
            total += coverage.Total;
            if (!detail)
            {
                continue;
            }

            console.WriteLine();
            console.WriteLine($"Outcome coverage of {first.Ordinance.Citation} ({first.OrdinancePath})");
            var width = coverage.Provisions.Max(p => p.ProvisionId.Length);
            foreach (var provision in coverage.Provisions)
            {
                var line = string.Create(CultureInfo.InvariantCulture, $"  {provision.ProvisionId.PadRight(width)}  {provision.Reached}/{provision.Total}  reached: {Labels(provision, reached: true)}");
                if (provision.Reached < provision.Total)
                {
                    line += $"; missed: {Labels(provision, reached: false)}";
                }

                console.WriteLine(line);
            }

            console.WriteLine(Total(coverage.Reached, coverage.Total));
        }

        var percent = total == 0 ? 100m : 100m * reached / total;
        if (detail && runs.Select(r => r.File.OrdinancePath).Distinct().Count() > 1)
        {
            console.WriteLine(Total(reached, total, "All ordinances: "));
        }
        else if (!detail)
        {
            console.WriteLine(Total(reached, total));
        }

        if (minimum is { } min && percent < min)
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Coverage {percent:0.0}% is below the minimum of {min}%."));
            return true;
        }

        return false;
    }

    private static string Labels(ProvisionCoverage provision, bool reached)
    {
        var labels = provision.Items.Where(i => i.Reached == reached).Select(i => i.Label).ToList();
        return labels.Count == 0 ? "none" : string.Join(", ", labels);
    }

    private static string Total(int reached, int total, string prefix = "") =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}Coverage: {reached} of {total} outcomes ({(total == 0 ? 100m : 100m * reached / total):0.0}%)");

    private static string Plural(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");
}

/// <summary>One suite as run: its file, and each case's result and duration.</summary>
internal sealed record SuiteRun(SuiteFile File, IReadOnlyList<CaseRun> Cases);

/// <summary>One case as run.</summary>
internal sealed record CaseRun(CaseResult Result, TimeSpan Duration);
