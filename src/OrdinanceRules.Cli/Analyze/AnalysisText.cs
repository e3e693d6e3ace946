using System.Globalization;
using OrdinanceRules.Analysis;
using OrdinanceRules.Analysis.Json;
using OrdinanceRules.Json;
using Spectre.Console;

namespace OrdinanceRules.Cli.Analyze;

/// <summary>The text report of <c>ordinance analyze</c>: the bound searched, each provision, then the findings with their witnesses.</summary>
internal static class AnalysisText
{
    public static void Render(IAnsiConsole console, AnalysisReport report, AnalysisOptions options, WitnessFiles files)
    {
        var seconds = options.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture);
        console.WriteLine($"Analysis of {report.Ordinance}: scenarios of up to {report.FactsPerType} facts per type, {seconds} s per solver call");
        if (!report.Readings.IsEmpty)
        {
            console.WriteLine("Readings: " + string.Join(", ", report.Readings.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}={r.Value}")));
        }

        console.WriteLine();
        console.WriteLine("Provisions:");
        var width = report.Provisions.Select(p => p.ProvisionId.Length).DefaultIfEmpty(0).Max();
        foreach (var provision in report.Provisions)
        {
            var id = provision.ProvisionId.PadRight(width);
            if (!provision.IsAnalysed)
            {
                console.WriteLine($"  {id}  not analysed: {string.Join("; ", provision.NotAnalysed)}");
                continue;
            }

            var line = $"  {id}  can be {Words(provision.Reachable.Select(w => w.Status))}";
            if (!provision.Unreachable.IsEmpty)
            {
                line += $"; never {Words(provision.Unreachable)}";
            }

            if (!provision.Undecided.IsEmpty)
            {
                line += $"; unknown whether {Words(provision.Undecided)}";
            }

            console.WriteLine(line);
        }

        console.WriteLine();
        var real = report.Findings.Where(f => f.Kind != AnalysisFindingKind.Undecided).ToList();
        var unknown = report.Findings.Where(f => f.Kind == AnalysisFindingKind.Undecided).ToList();
        console.WriteLine(real.Count == 0 ? "Findings: none" : $"Findings ({real.Count}):");
        foreach (var finding in real)
        {
            console.WriteLine($"  {AnalysisJson.Word(finding.Kind)}: {finding.Message}");
            if (finding.Witness is { } witness)
            {
                WriteWitness(console, witness, files, "    ");
            }
        }

        if (unknown.Count > 0)
        {
            console.WriteLine();
            console.WriteLine($"Unknown ({unknown.Count}): the solver gave up; raise --timeout to decide them.");
            foreach (var finding in unknown)
            {
                console.WriteLine("  " + finding.Message);
            }
        }

        var notAnalysed = report.Provisions.Count(p => !p.IsAnalysed);
        console.WriteLine();
        console.WriteLine($"{report.Provisions.Length - notAnalysed} of {report.Provisions.Length} provisions analysed, {real.Count} finding{(real.Count == 1 ? string.Empty : "s")}, {unknown.Count} unknown.");
    }

    /// <summary>"witness: provision P2 is violated for a=x (file)" and, with a file, the command that checks it.</summary>
    public static void WriteWitness(IAnsiConsole console, Witness witness, WitnessFiles files, string indent)
    {
        var readings = files.ReadingArguments(witness);
        var under = readings.IsEmpty ? string.Empty : " under " + string.Join(", ", readings);
        console.WriteLine($"{indent}witness: {WitnessFiles.Claim(witness)}{under}");
        if (files.FileOf(witness) is { } file)
        {
            console.WriteLine($"{indent}  {files.CheckCommand(file, witness)}");
        }
    }


    private static string Words(IEnumerable<FindingStatus> statuses) => string.Join(", ", statuses.Select(OrdinanceJson.Word));
}
