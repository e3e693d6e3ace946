using BenchmarkDotNet.Attributes;
using OrdinanceRules.Cli.Audit;
using OrdinanceRules.Cli.Commands;
using OrdinanceRules.Facts;
using OrdinanceRules.Yaml;

namespace OrdinanceRules.Benchmarks;

/// <summary>
/// What `ordinance audit` costs per record against evaluation alone, on the 1,000 records of
/// samples/records/roeland-park-requests-2021.csv: the scenarios the audit makes of them evaluated through the library
/// (the baseline), then the audit's own loop over the file (read a CSV row, fill the mapping, read the scenario, evaluate,
/// write each finding as NDJSON to a null writer) on one core and on two. Each figure is per record.
/// </summary>
[MemoryDiagnoser]
public class AuditBenchmarks
{
    private const int Records = 1000;

    private readonly YamlReadOptions _read = new WorkingFolder(RoelandPark.RootFolder).Reading(allowOutside: false);
    private readonly List<(Scenario Scenario, DateTimeOffset AsOf)> _scenarios = [];
    private EvaluationSetup _setup = null!;
    private RecordTemplate _template = null!;

    private static string RecordsPath => Path.Combine(RoelandPark.RootFolder, "samples", "records", "roeland-park-requests-2021.csv");

    private static string MappingPath => Path.Combine(RoelandPark.RootFolder, "samples", "records", "roeland-park-requests.mapping.yaml");

    /// <summary>Compiles the ordinance and reads the mapping once, and the records into scenarios for the baseline.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var problems = new List<Diagnostic>();
        _setup = EvaluationSetup.TryLoad(RoelandPark.OrdinancePath, [], null, [], _read, problems)!;
        _template = RecordTemplate.Load(MappingPath, problems)!;
        using var source = RecordSource.Open(RecordsPath, _template, problems);
        if (problems.Count > 0 || source is null)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
        }

        while (source.TryRead(out var record))
        {
            var scenario = OrdinanceYaml.ParseScenario(record.Scenario!, source.Name, _setup.Ordinance.Ordinance, _read).GetValueOrThrow();
            _scenarios.Add((scenario, scenario.AsOf!.Value));
        }

        if (_scenarios.Count != Records)
        {
            throw new InvalidOperationException($"{RecordsPath} made {_scenarios.Count} scenarios, not {Records}");
        }
    }

    /// <summary>The records' scenarios, already read, evaluated one after another with the compiled ordinance.</summary>
    /// <returns>The number of findings.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = Records)]
    public int EvaluationAlone()
    {
        var findings = 0;
        foreach (var (scenario, asOf) in _scenarios)
        {
            findings += _setup.Ordinance.TryEvaluate(scenario, asOf, _setup.Options).Value!.Findings.Length;
        }

        return findings;
    }

    /// <summary>The audit's loop over the records file with <c>--parallel 1</c>.</summary>
    /// <returns>The number of records evaluated.</returns>
    [Benchmark(OperationsPerInvoke = Records)]
    public long AuditOneCore() => Audit(1);

    /// <summary>The same with <c>--parallel 2</c>: wall time per record on two cores (per core, twice this).</summary>
    /// <returns>The number of records evaluated.</returns>
    [Benchmark(OperationsPerInvoke = Records)]
    public long AuditTwoCores() => Audit(2);

    private long Audit(int cores)
    {
        var problems = new List<Diagnostic>();
        using var source = RecordSource.Open(RecordsPath, _template, problems)!;
        var summary = new AuditSummary();
        using (var findings = FindingWriter.Create(AuditSettings.Ndjson, TextWriter.Null))
        {
            AuditCommand.Run(source, new RecordEvaluator(_setup, _read, source.Name, Path.GetFileName(MappingPath)), findings, summary, cores, () => { }, CancellationToken.None);
        }

        return summary.Evaluated == Records ? summary.Evaluated : throw new InvalidOperationException($"the audit evaluated {summary.Evaluated} of {Records} records");
    }
}
