using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using OrdinanceRules.Benchmarks.HandWritten;

namespace OrdinanceRules.Benchmarks;

/// <summary>
/// Compiling once in a fresh process (cold: nothing jitted, nothing cached), the library's Roeland Park against the
/// hand-written fluent P2 and P3. Each launch measures one compile.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.ColdStart, launchCount: 5, warmupCount: 0, iterationCount: 1, invocationCount: 1)]
public class ColdCompileBenchmarks
{
    /// <summary>Loads and compiles Roeland Park.</summary>
    /// <returns>The compiled ordinance.</returns>
    [Benchmark(Baseline = true)]
    public CompiledOrdinance Library() => RoelandPark.Compile();

    /// <summary>Compiles the hand-written P2 and P3.</summary>
    /// <returns>The session factory.</returns>
    [Benchmark]
    public NRules.ISessionFactory NRulesFluentP2P3() => FluentRules.Compile();
}

/// <summary>
/// The built `ordinance` command started as a new process: `ordinance check` of one bundled scenario against
/// `ordinance --version` (what starting .NET and the command costs with no work). The command is built in Release
/// beside the benchmarks (src/OrdinanceRules.Cli/bin/Release).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class CliStartBenchmarks
{
    private string _command = string.Empty;

    /// <summary>Finds the built command.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var bin = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(RoelandPark.OrdinancePath)))!, "src", "OrdinanceRules.Cli", "bin", "Release", "net10.0");
        _command = Path.Combine(bin, OperatingSystem.IsWindows() ? "ordinance.exe" : "ordinance");
        if (!File.Exists(_command))
        {
            throw new FileNotFoundException($"Build the command first: dotnet build -c Release src/OrdinanceRules.Cli ({_command} is missing).");
        }
    }

    /// <summary>`ordinance --version`.</summary>
    /// <returns>The exit code.</returns>
    [Benchmark(Baseline = true)]
    public int Version() => Run("--version");

    /// <summary>`ordinance check` of p2-detainer-hold-violated.yaml.</summary>
    /// <returns>The exit code.</returns>
    [Benchmark]
    public int Check() => Run("check", RoelandPark.OrdinancePath, RoelandPark.ScenarioPath("p2-detainer-hold-violated.yaml"));

    private int Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(_command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode;
    }
}
