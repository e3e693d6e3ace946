using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Suites;

namespace OrdinanceRules.Yaml.Tests.Robustness;

/// <summary>What kind of file an input is, which decides how it is loaded, compiled and evaluated.</summary>
internal enum InputKind
{
    Ordinance,
    Scenario,
    Suite,
}

/// <summary>One sample to mutate: its kind, its path (for relative references and locations) and what it is read against.</summary>
internal sealed record FuzzSample(InputKind Kind, string Path, string? Ordinance, byte[] Bytes);

/// <summary>A mutated input that broke a promise: an exception, an internal error, an unlocated diagnostic or a timeout.</summary>
internal sealed record FuzzFailure(FuzzSample Sample, byte[] Input, string Signature, string Detail);

/// <summary>
/// An in-process mutation fuzzer over the bundled samples. Each input is mutated at the byte level (bit flips,
/// deletions, duplications, bad UTF-8) or at the YAML token level (tokens deleted, duplicated, swapped, replaced by
/// edge values such as year 9999, <c>1000001h</c> or a 40-digit number), then read, compiled and evaluated through
/// the public API on a thread of its own with a time and an allocation budget. Whatever the input, the result must
/// be a value or diagnostics that have a code, a place and a message; an exception, an internal error (OR9001) or
/// a timeout is a failure. Everything follows from the seed, which is printed.
/// </summary>
internal sealed partial class Fuzzer(int seed)
{
    /// <summary>How long one input may take, loading, compiling and evaluating.</summary>
    public static readonly TimeSpan InputTimeBudget = TimeSpan.FromSeconds(10);

    /// <summary>How many bytes one input may allocate (a bound on memory that does not depend on the collector).</summary>
    public const long InputAllocationBudget = 1L << 30;

    private static readonly string[] EdgeValues =
    [
        "0001-01-01T00:00:00+00:00", "9999-12-31T23:59:59+14:00", "2021-02-01T09:00:00+15:00", "@9999-12-31T23:59Z", "@0001-01-01T00:00Z",
        "0001-01-01", "9999-12-31", "1000001h", "999999d999999d", "0s", "36600d", "99999999999999999999999999999999", "-0", "1e400",
        "79228162514264337593543950335", "'\u001B]0;x\u0007'", "\"\\e[2J\"", "not not not not not not not not not not", "((((((((((", "]]]]",
        "unknown", "none", "yes", "''", "\"\"", "~", "null", ":", "- ", "{", "}", "[", "]", "&a ", "*a", "!!str ", "? ", "|", ">", "#", "%YAML 1.2",
        "\t", "\r", "\n", "\u00A0", "\u202E", "\uFEFF", "reading('", "if yes then", "within(", "any(", "a.b.c.d.e.f",
        "k.receivedAt + 36600d + 36600d", "../../../../etc/passwd", "/dev/zero", "business-days", "business-hours",
    ];

    private static readonly byte[] InterestingBytes = [0xFF, 0xC3, 0x28, 0x00, 0x09, 0x0D, 0x1B, 0xE2, 0x80, 0xAE];

    private readonly Random _random = new(seed);

    public int Seed { get; } = seed;

    /// <summary>Every bundled sample, in a fixed order.</summary>
    public static IReadOnlyList<FuzzSample> Samples()
    {
        var samples = new List<FuzzSample>();
        samples.AddRange(BundledSamples.Ordinances.Select(p => new FuzzSample(InputKind.Ordinance, p, null, File.ReadAllBytes(p))));
        samples.AddRange(BundledSamples.Scenarios.Select(s => new FuzzSample(InputKind.Scenario, s.Scenario, s.Ordinance, File.ReadAllBytes(s.Scenario))));
        samples.AddRange(BundledSamples.Suites.Select(p => new FuzzSample(InputKind.Suite, p, null, File.ReadAllBytes(p))));
        return samples;
    }

    /// <summary>One mutation of <paramref name="input"/>: byte-level or token-level, one to three edits.</summary>
    public byte[] Mutate(byte[] input) => _random.Next(3) == 0 ? MutateBytes(input) : MutateTokens(input);

    /// <summary>Runs one input within its budgets; null when every promise held.</summary>
    public static FuzzFailure? Run(FuzzSample sample, byte[] input)
    {
        string? failure = null;
        string detail = string.Empty;
        long allocated = 0;
        var thread = new Thread(
            () =>
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                try
                {
                    failure = Check(sample, input);
                }
                catch (Exception ex)
                {
                    failure = $"{ex.GetType().Name} at {TopFrame(ex)}";
                    detail = ex.ToString();
                }

                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            },
            16 * 1024 * 1024)
        {
            IsBackground = true,
        };

        thread.Start();
        if (!thread.Join(InputTimeBudget))
        {
            return new FuzzFailure(sample, input, "timeout", $"no result within {InputTimeBudget.TotalSeconds:0} s");
        }

        if (failure is null && allocated > InputAllocationBudget)
        {
            failure = "allocation budget";
            detail = $"{allocated:N0} bytes allocated";
        }

        return failure is null ? null : new FuzzFailure(sample, input, failure, detail.Length == 0 ? failure : detail);
    }

    /// <summary>
    /// The smallest input found (by deleting chunks, halving their size) that fails with the same signature: the
    /// reproducer a long campaign writes.
    /// </summary>
    public static byte[] Minimize(FuzzFailure failure, int maxAttempts = 300)
    {
        var current = failure.Input;
        var attempts = 0;
        for (var chunk = Math.Max(1, current.Length / 2); chunk >= 1 && attempts < maxAttempts; chunk /= 2)
        {
            for (var at = 0; at + chunk <= current.Length && attempts < maxAttempts; attempts++)
            {
                var candidate = current[..at].Concat(current[(at + chunk)..]).ToArray();
                if (Run(failure.Sample, candidate) is { } again && again.Signature == failure.Signature)
                {
                    current = candidate;
                }
                else
                {
                    at += chunk;
                }
            }
        }

        return current;
    }

    /// <summary>Loads, compiles and evaluates; a description of the broken promise, or null.</summary>
    private static string? Check(FuzzSample sample, byte[] input)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ordinance-fuzz", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            return Check(sample, input, folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string? Check(FuzzSample sample, byte[] input, string folder)
    {
        switch (sample.Kind)
        {
            case InputKind.Ordinance:
                {
                    // Through the file reader (bytes: the UTF-8 check), placed beside the sample so that relative paths mean the same.
                    var read = Judge(OrdinanceYaml.ParseOrdinance(Decode(input), sample.Path));
                    var fromFile = Judge(OrdinanceYaml.LoadOrdinance(Temp(folder, "ordinance.yaml", input)));
                    if ((read.Problem ?? fromFile.Problem) is { } problem || read.Value is null)
                    {
                        return read.Problem ?? fromFile.Problem;
                    }

                    var compiled = Judge(OrdinanceCompiler.TryCompile(read.Value));
                    if (compiled.Problem is { } compileProblem || compiled.Value is null)
                    {
                        return compiled.Problem;
                    }

                    var scenario = BundledSamples.Scenarios.FirstOrDefault(s => s.Ordinance == sample.Path).Scenario;
                    if (scenario is null)
                    {
                        return null;
                    }

                    var loaded = Judge(OrdinanceYaml.LoadScenario(scenario, compiled.Value.Ordinance));
                    return loaded.Problem ?? (loaded.Value is null ? null : Evaluate(compiled.Value, loaded.Value));
                }

            case InputKind.Scenario:
                {
                    var ordinance = BundledSamples.Compile(sample.Ordinance!);
                    var read = Judge(OrdinanceYaml.LoadScenario(Temp(folder, "scenario.yaml", input), ordinance.Ordinance));
                    return read.Problem ?? (read.Value is null ? null : Evaluate(ordinance, read.Value));
                }

            default:
                {
                    var read = Judge(OrdinanceYaml.ParseSuite(Decode(input), sample.Path, new YamlReadOptions { AllowOutside = true }));
                    if (read.Problem is { } problem || read.Value is null)
                    {
                        return read.Problem;
                    }

                    var compiled = Judge(OrdinanceCompiler.TryCompile(read.Value.Ordinance));
                    if (compiled.Problem is { } compileProblem || compiled.Value is null)
                    {
                        return compiled.Problem;
                    }

                    foreach (var suiteCase in read.Value.Suite.Cases.Take(3))
                    {
                        try
                        {
                            SuiteRunner.RunCase(suiteCase, compiled.Value);
                        }
                        catch (OrdinanceDiagnosticException ex)
                        {
                            if (Problem(ex.Diagnostics) is { } caseProblem)
                            {
                                return caseProblem;
                            }
                        }
                    }

                    return null;
                }
        }
    }

    private static string? Evaluate(CompiledOrdinance ordinance, Facts.Scenario scenario)
    {
        var asOf = scenario.AsOf ?? new DateTimeOffset(2021, 6, 1, 12, 0, 0, TimeSpan.FromHours(-5));
        var result = ordinance.TryEvaluate(scenario, asOf, new EvaluationOptions { Explain = true });
        return result.Succeeded ? null : Problem(result.Diagnostics);
    }

    private static (T? Value, string? Problem) Judge<T>(Result<T> result)
        where T : class =>
        result.Succeeded ? (result.Value, null) : (null, Problem(result.Diagnostics));

    /// <summary>A diagnostic that breaks the promise: an internal error, or one with no code, place or message.</summary>
    private static string? Problem(IReadOnlyList<Diagnostic> diagnostics)
    {
        if (diagnostics.Count == 0)
        {
            return "a failure without diagnostics";
        }

        foreach (var d in diagnostics)
        {
            if (d.Code == DiagnosticCodes.InternalError)
            {
                return $"internal error: {d.Message}";
            }

            if (string.IsNullOrWhiteSpace(d.Code) || string.IsNullOrWhiteSpace(d.Message) || d.Location is null)
            {
                return $"an unlocated or empty diagnostic {d.Code}";
            }

            if (d.ToString().Any(c => char.IsControl(c)))
            {
                return $"a control character printed in {d.Code}";
            }
        }

        return null;
    }

    private static string Decode(byte[] bytes) => new UTF8Encoding(false, false).GetString(bytes);

    private static string Temp(string folder, string name, byte[] bytes)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string TopFrame(Exception ex)
    {
        var frame = new StackTrace(ex, false).GetFrames().FirstOrDefault(f => f.GetMethod()?.DeclaringType?.Namespace?.StartsWith("OrdinanceRules", StringComparison.Ordinal) == true)
            ?? new StackTrace(ex, false).GetFrame(0);
        var method = frame?.GetMethod();
        return method is null ? "?" : $"{method.DeclaringType?.Name}.{method.Name}";
    }

    private byte[] MutateBytes(byte[] input)
    {
        var bytes = input.ToList();
        var edits = _random.Next(1, 4);
        for (var e = 0; e < edits && bytes.Count > 0; e++)
        {
            var at = _random.Next(bytes.Count);
            switch (_random.Next(5))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << _random.Next(8));
                    break;
                case 1:
                    bytes.RemoveRange(at, Math.Min(_random.Next(1, 16), bytes.Count - at));
                    break;
                case 2:
                    bytes.InsertRange(at, bytes.GetRange(at, Math.Min(_random.Next(1, 64), bytes.Count - at)));
                    break;
                case 3:
                    bytes.Insert(at, InterestingBytes[_random.Next(InterestingBytes.Length)]);
                    break;
                default:
                    bytes[at] = (byte)_random.Next(256);
                    break;
            }
        }

        return [.. bytes];
    }

    private byte[] MutateTokens(byte[] input)
    {
        var tokens = Token().Matches(Encoding.UTF8.GetString(input)).Select(m => m.Value).ToList();
        var edits = _random.Next(1, 4);
        for (var e = 0; e < edits && tokens.Count > 0; e++)
        {
            var at = _random.Next(tokens.Count);
            switch (_random.Next(5))
            {
                case 0:
                    tokens.RemoveAt(at);
                    break;
                case 1:
                    tokens.InsertRange(at, tokens.GetRange(at, Math.Min(_random.Next(1, 12), tokens.Count - at)));
                    break;
                case 2:
                    var other = _random.Next(tokens.Count);
                    (tokens[at], tokens[other]) = (tokens[other], tokens[at]);
                    break;
                case 3:
                    tokens.Insert(at, EdgeValues[_random.Next(EdgeValues.Length)]);
                    break;
                default:
                    // A value replaced by an edge value keeps the file's shape, so that the edge reaches the model.
                    var values = tokens.Select((t, i) => (t, i)).Where(x => x.t.Length > 0 && char.IsLetterOrDigit(x.t[0])).Select(x => x.i).ToList();
                    if (values.Count > 0)
                    {
                        tokens[values[_random.Next(values.Count)]] = EdgeValues[_random.Next(EdgeValues.Length)];
                    }

                    break;
            }
        }

        return Encoding.UTF8.GetBytes(string.Concat(tokens));
    }

    /// <summary>YAML-ish tokens: words and numbers (with their dashes, dots and colons inside), runs of spaces, line breaks, single punctuation.</summary>
    [GeneratedRegex(@"[\p{L}\p{N}_@][\p{L}\p{N}_.:+\-@]*|[ ]+|\r?\n|.", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
