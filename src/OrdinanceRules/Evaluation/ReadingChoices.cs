using System.Collections.Immutable;
using OrdinanceRules.Model;

namespace OrdinanceRules.Evaluation;

/// <summary>
/// Reads choices of an ordinance's readings written <c>name=alternative</c> (as the command line's <c>--reading</c>
/// and the service's <c>reading</c> parameter take them) into <see cref="EvaluationOptions"/>, checking each against
/// the readings the ordinance declares so that a mistake comes back as a message that lists the valid choices.
/// </summary>
public static class ReadingChoices
{
    /// <summary>Applies each choice to <see cref="EvaluationOptions.Default"/>, collecting a message for each invalid one.</summary>
    /// <param name="ordinance">The ordinance whose readings the choices name.</param>
    /// <param name="choices">The choices, each <c>name=alternative</c>.</param>
    /// <param name="options">The options with every valid choice applied.</param>
    /// <param name="problems">
    /// One message per invalid choice, in the order given; each begins with the choice as written (so a caller can
    /// prefix the option's name) and says how to correct it.
    /// </param>
    /// <returns>Whether every choice was valid.</returns>
    public static bool TryParse(Ordinance ordinance, IEnumerable<string> choices, out EvaluationOptions options, out ImmutableArray<string> problems)
    {
        ArgumentNullException.ThrowIfNull(ordinance);
        ArgumentNullException.ThrowIfNull(choices);
        options = EvaluationOptions.Default;
        var found = ImmutableArray.CreateBuilder<string>();
        foreach (var value in choices)
        {
            var problem = Problem(ordinance, value, options, out var name, out var alternative);
            if (problem is null)
            {
                options = options.WithReading(name, alternative);
            }
            else
            {
                found.Add(problem);
            }
        }

        problems = found.ToImmutable();
        return problems.IsEmpty;
    }

    private static string? Problem(Ordinance ordinance, string value, EvaluationOptions options, out string name, out string alternative)
    {
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || equals == value.Length - 1)
        {
            name = alternative = string.Empty;
            return $"'{value}': give name=alternative, such as {Example(ordinance)}";
        }

        name = value[..equals].Trim();
        alternative = value[(equals + 1)..].Trim();
        var wanted = name;
        var reading = ordinance.Readings.FirstOrDefault(r => r.Name == wanted);
        if (reading is null)
        {
            return ordinance.Readings.IsEmpty
                ? $"{value}: {ordinance.Citation} declares no readings"
                : $"{value}: {ordinance.Citation} has no reading '{name}'; its readings are: {string.Join(", ", ordinance.Readings.Select(r => r.Name))}";
        }

        if (!reading.Allows(alternative))
        {
            return $"{value}: '{alternative}' is not an alternative of reading '{name}'; choose one of: {string.Join(", ", reading.Alternatives.Select(a => a.Name))}";
        }

        return options.Readings.TryGetValue(name, out var earlier) && earlier != alternative
            ? $"{value}: reading '{name}' is already set to '{earlier}'; give each reading once"
            : null;
    }

    private static string Example(Ordinance ordinance) =>
        ordinance.Readings.FirstOrDefault() is { } first
            ? $"{first.Name}={first.Alternatives.FirstOrDefault(a => a.Name != first.Default)?.Name ?? first.Default}"
            : "p3-anchor=actual-reading";
}
