using BenchmarkDotNet.Attributes;
using OrdinanceRules.Benchmarks.HandWritten;

namespace OrdinanceRules.Benchmarks;

/// <summary>
/// The bundled Roeland Park scenarios that have no unknown value, evaluated side by side: by the library (the
/// whole ordinance, and compiled from P2 and P3 alone), and by P2 and P3 written by hand in NRules' fluent DSL, as
/// a plain C# loop, and as Microsoft RulesEngine workflows. Each figure is per scenario. The setup checks that
/// every version gives the library's statuses (<see cref="Equivalence"/>).
/// </summary>
[MemoryDiagnoser]
public class ComparisonBenchmarks
{
    /// <summary>How many scenarios one invocation evaluates.</summary>
    private const int Scenarios = 40;

    private CompiledOrdinance _ordinance = null!;
    private CompiledOrdinance _p2p3 = null!;
    private List<Equivalence.Sample> _samples = null!;

    /// <summary>Compiles both, loads the scenarios, checks the hand-written versions agree, and warms every engine.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _ordinance = RoelandPark.Compile();
        var ordinance = _ordinance.Ordinance;
        _p2p3 = OrdinanceCompiler.Compile(ordinance with { Provisions = [.. ordinance.Provisions.Where(p => p.Id is "P2" or "P3")] });
        _samples = Equivalence.Samples(_ordinance);
        Equivalence.Check(_ordinance);
    }

    /// <summary>The library, the whole Roeland Park ordinance (seven provisions).</summary>
    /// <returns>How many findings.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = Scenarios)]
    public int Library() => Each(s => _ordinance.Evaluate(s.Scenario).Findings.Length);

    /// <summary>The library, compiled from P2 and P3 only.</summary>
    /// <returns>How many findings.</returns>
    [Benchmark(OperationsPerInvoke = Scenarios)]
    public int LibraryP2P3() => Each(s => _p2p3.Evaluate(s.Scenario).Findings.Length);

    /// <summary>P2 and P3 hand-written in NRules' fluent DSL.</summary>
    /// <returns>How many findings.</returns>
    [Benchmark(OperationsPerInvoke = Scenarios)]
    public int NRulesFluentP2P3() => Each(s => FluentRules.Evaluate(s.Hand).Count);

    /// <summary>P2 and P3 as a hand-coded C# loop.</summary>
    /// <returns>How many findings.</returns>
    [Benchmark(OperationsPerInvoke = Scenarios)]
    public int HandLoopP2P3() => Each(s => P2P3.Loop(s.Hand).Count);

    /// <summary>P2 and P3 as Microsoft RulesEngine 6.0.1 workflows.</summary>
    /// <returns>How many findings.</returns>
    [Benchmark(OperationsPerInvoke = Scenarios)]
    public int RulesEngineP2P3() => Each(s => RulesEngineRules.Evaluate(s.Hand).Count);

    /// <summary>Evaluates <see cref="Scenarios"/> scenarios, cycling through the samples.</summary>
    private int Each(Func<Equivalence.Sample, int> evaluate)
    {
        var count = 0;
        for (var i = 0; i < Scenarios; i++)
        {
            count += evaluate(_samples[i % _samples.Count]);
        }

        return count;
    }
}
