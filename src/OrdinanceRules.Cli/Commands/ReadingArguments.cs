using OrdinanceRules.Model;

namespace OrdinanceRules.Cli.Commands;

/// <summary>
/// Turns <c>--reading name=alternative</c> values into <see cref="EvaluationOptions"/> with the library's
/// <see cref="Evaluation.ReadingChoices"/>, each mistake bad input (OR5005) that lists the valid choices.
/// </summary>
internal static class ReadingArguments
{
    public static bool TryParse(Ordinance ordinance, IReadOnlyList<string> values, out EvaluationOptions options, out List<Diagnostic> problems)
    {
        var valid = Evaluation.ReadingChoices.TryParse(ordinance, values, out options, out var messages);
        problems = [.. messages.Select(m => new Diagnostic(CliDiagnosticCodes.InvalidReading, "--reading " + m))];
        return valid;
    }
}
