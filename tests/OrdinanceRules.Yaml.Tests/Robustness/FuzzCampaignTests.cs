using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace OrdinanceRules.Yaml.Tests.Robustness;

/// <summary>
/// The mutation fuzzer's campaign over every bundled sample. The test run holds a short one with a fixed seed
/// (a few mutations of each sample, about half a minute); <c>scripts/fuzz.sh</c> runs a long one with
/// <c>ORDINANCE_FUZZ_SECONDS</c>, <c>ORDINANCE_FUZZ_SEED</c> and <c>ORDINANCE_FUZZ_OUT</c> (where minimal
/// reproducers are written). Every reproducer found is kept under TestData/fuzz and replayed here: the ones there
/// now are what this fuzzer found in the readers before values were range-checked and output cleaned (a decimal
/// literal that overflowed, an instant literal .NET could not parse, an offset beyond ±14:00, control characters
/// printed in diagnostics).
/// </summary>
public class FuzzCampaignTests(ITestOutputHelper output)
{
    /// <summary>The seed of the campaign every test run holds.</summary>
    public const int CiSeed = 20_201_221;

    private const int CiMutationsPerOrdinance = 80;
    private const int CiMutationsPerScenario = 16;
    private const int CiMutationsPerSuite = 10;

    [Fact]
    public void Campaign_FixedSeed_EveryMutationGivesAValueOrLocatedDiagnostics()
    {
        var seconds = Environment.GetEnvironmentVariable("ORDINANCE_FUZZ_SECONDS") is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : 0;
        var seed = Environment.GetEnvironmentVariable("ORDINANCE_FUZZ_SEED") is { } seedText ? int.Parse(seedText, CultureInfo.InvariantCulture) : CiSeed;
        var fuzzer = new Fuzzer(seed);
        var samples = Fuzzer.Samples();
        output.WriteLine($"fuzz seed {seed}: {samples.Count} samples, {(seconds > 0 ? $"{seconds:0} s" : "the fixed campaign")}");

        var failures = new List<FuzzFailure>();
        var watch = Stopwatch.StartNew();
        var inputs = 0;
        do
        {
            foreach (var sample in samples)
            {
                var count = sample.Kind switch
                {
                    InputKind.Ordinance => CiMutationsPerOrdinance,
                    InputKind.Scenario => CiMutationsPerScenario,
                    _ => CiMutationsPerSuite,
                };
                for (var i = 0; i < count; i++)
                {
                    inputs++;
                    if (Fuzzer.Run(sample, fuzzer.Mutate(sample.Bytes)) is { } failure && failures.All(f => f.Signature != failure.Signature))
                    {
                        failures.Add(failure);
                        output.WriteLine($"FAIL {Path.GetFileName(sample.Path)}: {failure.Signature}");
                    }
                }
            }
        }
        while (watch.Elapsed.TotalSeconds < seconds);

        output.WriteLine($"{inputs} inputs in {watch.Elapsed.TotalSeconds:0.0} s, {failures.Count} distinct failures");
        WriteReproducers(failures);
        failures.Should().BeEmpty("seed {0} found: {1}", seed, string.Join(" | ", failures.Select(f => $"{Path.GetFileName(f.Sample.Path)}: {f.Detail}")));
    }

    [Fact]
    public void Reproducers_FoundByTheFuzzer_GiveAValueOrLocatedDiagnostics()
    {
        // Each name says what the input was read as, and against which sample: kind--sample--signature.yaml.
        var samples = Fuzzer.Samples();
        foreach (var file in Directory.GetFiles(TestFiles.PathOf("fuzz"), "*.yaml").Order(StringComparer.Ordinal))
        {
            var parts = Path.GetFileName(file).Split("--");
            var sample = samples.Single(s => s.Kind.ToString() == parts[0] && Path.GetFileNameWithoutExtension(s.Path) == parts[1]);

            Fuzzer.Run(sample, File.ReadAllBytes(file)).Should().BeNull("the reproducer {0} must no longer fail", Path.GetFileName(file));
        }
    }

    private void WriteReproducers(List<FuzzFailure> failures)
    {
        if (Environment.GetEnvironmentVariable("ORDINANCE_FUZZ_OUT") is not { Length: > 0 } folder)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        foreach (var failure in failures)
        {
            var name = $"{failure.Sample.Kind}--{Path.GetFileNameWithoutExtension(failure.Sample.Path)}--{new string([.. failure.Signature.Where(char.IsLetterOrDigit).Take(40)])}.yaml";
            File.WriteAllBytes(Path.Combine(folder, name), Fuzzer.Minimize(failure));
            output.WriteLine($"wrote {Path.Combine(folder, name)}");
        }
    }
}
