using BenchmarkDotNet.Attributes;
using OrdinanceRules.Compilation;
using OrdinanceRules.Model;

namespace OrdinanceRules.Benchmarks;

/// <summary>
/// Reading the Roeland Park ordinance from YAML (already in memory) and compiling it into an NRules session
/// factory, with FastExpressionCompiler (what the library does) and with NRules' default <c>Expression.Compile</c>;
/// and the hand-written fluent P2 and P3 compiled, for comparison. All warm: in a process that has compiled before.
/// </summary>
[MemoryDiagnoser]
public class CompileBenchmarks
{
    private string _yaml = string.Empty;

    /// <summary>Reads the ordinance file once; the bundled vocabulary is parsed once per process, as in use.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _yaml = File.ReadAllText(RoelandPark.OrdinancePath);
        RoelandPark.Parse(_yaml);
    }

    /// <summary>YAML to <see cref="Ordinance"/> only.</summary>
    /// <returns>The ordinance.</returns>
    [Benchmark]
    public Ordinance Parse() => RoelandPark.Parse(_yaml);

    /// <summary>YAML to a compiled ordinance, with FastExpressionCompiler.</summary>
    /// <returns>The compiled ordinance.</returns>
    [Benchmark(Baseline = true)]
    public CompiledOrdinance ParseAndCompile() => RuleSetCompiler.Compile(RoelandPark.Parse(_yaml)).GetValueOrThrow();

    /// <summary>The hand-written fluent P2 and P3 (benchmarks/HandWritten), compiled into a session factory.</summary>
    /// <returns>The session factory.</returns>
    [Benchmark]
    public NRules.ISessionFactory CompileNRulesFluentP2P3() => HandWritten.FluentRules.Compile();

    /// <summary>YAML to a compiled ordinance, with NRules' default <c>Expression.Compile</c>.</summary>
    /// <returns>The compiled ordinance.</returns>
    [Benchmark]
    public CompiledOrdinance ParseAndCompileWithExpressionCompile() =>
        RuleSetCompiler.Compile(RoelandPark.Parse(_yaml), fastExpressionCompiler: false).GetValueOrThrow();
}
