using BenchmarkDotNet.Running;
using OrdinanceRules.Benchmarks;
using OrdinanceRules.Benchmarks.HandWritten;

// `verify`: check that the hand-written P2 and P3 give the library's statuses on the bundled scenarios (exit 1 if not).
// Anything else is BenchmarkDotNet's own arguments, such as --filter '*' --job short (see README.md).
if (args is ["verify"])
{
    var differences = Equivalence.Differences(RoelandPark.Compile());
    Console.WriteLine(differences.Count == 0 ? "The hand-written P2 and P3 agree with the library on every bundled scenario with no unknown value." : string.Join(Environment.NewLine, differences));
    return differences.Count == 0 ? 0 : 1;
}

// `records [COUNT] [SEED]`: write a synthetic year of Roeland Park's records as CSV to standard output (RecordGenerator).
if (args is ["records", ..])
{
    var count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000;
    var seed = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 2021;
    using var output = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16);
    RecordGenerator.Write(output, count, seed);
    return 0;
}

// `load [--clients N] [--seconds N] [--warmup N] [--in-process | --url URL]`: the decision service on 127.0.0.1 driven by
// concurrent clients for a fixed time; throughput and latency percentiles (LoadTest).
if (args is ["load", ..])
{
    return await LoadTest.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(RoelandPark).Assembly).Run(args);
return 0;
