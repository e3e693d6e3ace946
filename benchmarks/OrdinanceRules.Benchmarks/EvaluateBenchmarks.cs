using BenchmarkDotNet.Attributes;
using OrdinanceRules.Facts;
using OrdinanceRules.Yaml;

namespace OrdinanceRules.Benchmarks;

/// <summary>Evaluating one sample scenario (p2-detainer-hold-violated.yaml) against the compiled Roeland Park ordinance.</summary>
[MemoryDiagnoser]
public class EvaluateBenchmarks
{
    private CompiledOrdinance _ordinance = null!;
    private Scenario _scenario = null!;

    /// <summary>Compiles the ordinance and reads the scenario once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _ordinance = RoelandPark.Compile();
        _scenario = OrdinanceYaml.LoadScenario(RoelandPark.ScenarioPath("p2-detainer-hold-violated.yaml"), _ordinance.Ordinance).GetValueOrThrow();
    }

    /// <summary>One evaluation: a new NRules session, the facts inserted, the rules fired, the report assembled.</summary>
    /// <returns>The report.</returns>
    [Benchmark]
    public ComplianceReport EvaluateOneScenario() => _ordinance.Evaluate(_scenario);
}
