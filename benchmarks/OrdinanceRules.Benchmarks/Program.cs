using BenchmarkDotNet.Running;

// Pass BenchmarkDotNet's own arguments, such as --filter '*' --job short (see README.md).
BenchmarkSwitcher.FromAssembly(typeof(OrdinanceRules.Benchmarks.RoelandPark).Assembly).Run(args);
