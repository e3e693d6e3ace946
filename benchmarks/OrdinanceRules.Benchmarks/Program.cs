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

BenchmarkSwitcher.FromAssembly(typeof(RoelandPark).Assembly).Run(args);
return 0;
