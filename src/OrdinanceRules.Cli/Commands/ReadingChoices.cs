using OrdinanceRules.Diagnostics;
using OrdinanceRules.Evaluation;
using OrdinanceRules.Model;

namespace OrdinanceRules.Cli.Commands;

/// <summary>
/// Turns <c>--reading name=alternative</c> values into <see cref="EvaluationOptions"/>, checking each against the
/// ordinance's readings so that a mistake is bad input with a message that lists the valid choices.
/// </summary>
internal static class ReadingChoices
{
    public static bool TryParse(Ordinance ordinance, IReadOnlyList<string> values, out EvaluationOptions options, out List<Diagnostic> problems)
    {
        options = EvaluationOptions.Default;
        problems = [];
        foreach (var value in values)
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == value.Length - 1)
            {
                problems.Add(Problem($"--reading '{value}': give name=alternative, such as {Example(ordinance)}"));
                continue;
            }

            var name = value[..equals].Trim();
            var alternative = value[(equals + 1)..].Trim();
            var reading = ordinance.Readings.FirstOrDefault(r => r.Name == name);
            if (reading is null)
            {
                problems.Add(Problem(ordinance.Readings.IsEmpty
                    ? $"--reading {value}: {ordinance.Citation} declares no readings"
                    : $"--reading {value}: {ordinance.Citation} has no reading '{name}'; its readings are: {string.Join(", ", ordinance.Readings.Select(r => r.Name))}"));
                continue;
            }

            if (!reading.Allows(alternative))
            {
                problems.Add(Problem($"--reading {value}: '{alternative}' is not an alternative of reading '{name}'; choose one of: {string.Join(", ", reading.Alternatives.Select(a => a.Name))}"));
                continue;
            }

            if (options.Readings.TryGetValue(name, out var earlier) && earlier != alternative)
            {
                problems.Add(Problem($"--reading {value}: reading '{name}' is already set to '{earlier}'; give each reading once"));
                continue;
            }

            options = options.WithReading(name, alternative);
        }

        return problems.Count == 0;
    }

    private static string Example(Ordinance ordinance) =>
        ordinance.Readings.FirstOrDefault() is { } first
            ? $"{first.Name}={first.Alternatives.FirstOrDefault(a => a.Name != first.Default)?.Name ?? first.Default}"
            : "p3-anchor=actual-reading";

    private static Diagnostic Problem(string message) => new(CliDiagnosticCodes.InvalidReading, message);
}
