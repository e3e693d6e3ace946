using System.Collections.Immutable;
using System.Globalization;
using OrdinanceRules.Analysis;
using OrdinanceRules.Analysis.Json;
using OrdinanceRules.Cli.Commands;
using OrdinanceRules.Json;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrdinanceRules.Cli.Analyze;

/// <summary>
/// <c>ordinance diff</c>: where two ordinances (or one under two readings, or two versions of a file) disagree, as
/// minimal witness scenarios grouped by the provision pair that disagrees, each with both outcomes (docs/analysis.md).
/// </summary>
internal sealed class DiffCommand(IAnsiConsole console, TextWriter errors, WorkingFolder folder) : Command<DiffSettings>
{
    public override int Execute(CommandContext context, DiffSettings settings, CancellationToken cancellationToken)
    {
        var pathB = settings.B ?? settings.A;
        var problems = new List<Diagnostic>();
        var a = Load(settings.A, settings.ReadingsA, "--reading-a", settings, problems);
        var b = Load(pathB, settings.ReadingsB, "--reading-b", settings, problems);
        if (a is null || b is null)
        {
            return EvaluationSetup.Fail(errors, problems);
        }

        var options = Solver.Options(settings, ImmutableDictionary<string, string>.Empty);
        var sideA = new DiffSide(a.Loaded[0]) { Readings = a.Options.Readings };
        var sideB = new DiffSide(b.Loaded[0]) { Readings = b.Options.Readings };
        var report = Solver.WithProgress($"{settings.A} / {pathB}", progress => OrdinanceDiff.Compare(sideA, sideB, options, progress));
        var filesA = Solver.Files(settings, settings.A, [], a.Loaded);
        var filesB = Solver.Files(settings, pathB, [], b.Loaded);
        if (!Solver.TryWrite(errors, settings.Witnesses, () => Write(report, filesA, filesB)))
        {
            return CliApp.BadInput;
        }

        if (settings.Format == Rendering.JsonOutput.Json)
        {
            console.Profile.Out.Writer.WriteLine(AnalysisJson.Write(AnalysisJson.Diff(report, options, filesA.Writing, filesB.Writing)));
        }
        else
        {
            Render(report, options, filesA, filesB);
        }

        return report.HasDifferences ? CliApp.Violation : CliApp.Ok;
    }

    /// <summary>One side, its reading problems named by the option that gave them (--reading-a, --reading-b).</summary>
    private EvaluationSetup? Load(string path, string[] readings, string option, DiffSettings settings, List<Diagnostic> problems)
    {
        var own = new List<Diagnostic>();
        var setup = EvaluationSetup.TryLoad(path, [], null, readings, folder.Reading(settings.AllowOutside), own);
        problems.AddRange(own.Select(p => p.Code == CliDiagnosticCodes.InvalidReading && p.Message.StartsWith("--reading ", StringComparison.Ordinal)
            ? p with { Message = option + p.Message["--reading".Length..] }
            : p));
        return setup;
    }

    private static void Write(DiffReport report, WitnessFiles filesA, WitnessFiles filesB)
    {
        if (!filesA.Writes)
        {
            return;
        }

        foreach (var pair in report.Pairs)
        {
            foreach (var difference in pair.Differences)
            {
                var (wordA, wordB) = (OrdinanceJson.Word(difference.A.Status), OrdinanceJson.Word(difference.B.Status));
                var path = pair.ProvisionA == pair.ProvisionB
                    ? filesA.PathFor(pair.ProvisionA, $"{wordA}-vs-{wordB}")
                    : filesA.PathFor(pair.ProvisionA, wordA, "vs", pair.ProvisionB, wordB);
                filesA.WriteFile(path, difference.A,
                [
                    $"Diff witness: under a, {WitnessFiles.Claim(difference.A)}; under b, {WitnessFiles.Claim(difference.B)}",
                    $"Check under a: {filesA.CheckCommand(path, difference.A)}",
                    $"Check under b: {filesB.CheckCommand(path, difference.B)}",
                ]);
                filesB.Alias(difference.B, path);
            }
        }
    }

    private void Render(DiffReport report, AnalysisOptions options, WitnessFiles filesA, WitnessFiles filesB)
    {
        var seconds = options.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture);
        console.WriteLine($"Diff of a: {report.A} and b: {report.B}: scenarios of up to {report.FactsPerType} facts per type, {seconds} s per solver call");
        console.WriteLine();
        foreach (var pair in report.Pairs)
        {
            var name = pair.ProvisionA == pair.ProvisionB ? pair.ProvisionA : $"{pair.ProvisionA} (a) / {pair.ProvisionB} (b)";
            console.WriteLine(pair.Outcome switch
            {
                DiffOutcome.Differs => $"{name}: differ",
                DiffOutcome.NoDifference => $"{name}: no difference up to {report.FactsPerType} facts per type",
                _ => $"{name}: unknown: the solver gave up within {seconds} s; raise --timeout",
            });
            foreach (var difference in pair.Differences)
            {
                AnalysisText.WriteWitness(console, difference.A, filesA, "  a ");
                AnalysisText.WriteWitness(console, difference.B, filesB, "  b ");
            }
        }

        if (!report.NotCompared.IsEmpty)
        {
            console.WriteLine();
            console.WriteLine("Not compared:");
            foreach (var reason in report.NotCompared)
            {
                console.WriteLine("  " + reason);
            }
        }

        console.WriteLine();
        var differ = report.Pairs.Count(p => p.Outcome == DiffOutcome.Differs);
        var unknown = report.Pairs.Count(p => p.Outcome == DiffOutcome.Undecided);
        console.WriteLine(differ == 0 && unknown == 0
            ? $"No difference up to {report.FactsPerType} facts per type in {report.Pairs.Length} pairs of provisions."
            : $"{differ} of {report.Pairs.Length} pairs of provisions differ, {unknown} unknown.");
    }

}
