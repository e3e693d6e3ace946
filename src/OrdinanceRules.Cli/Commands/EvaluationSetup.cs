using OrdinanceRules.Diagnostics;
using OrdinanceRules.Facts;
using OrdinanceRules.Yaml;

namespace OrdinanceRules.Cli.Commands;

/// <summary>
/// What the evaluating commands share: the ordinance loaded and compiled once (stacked under any higher
/// laws), the as-of instant given on the command line, and the readings chosen. Every problem is collected,
/// none thrown.
/// </summary>
internal sealed record EvaluationSetup(CompiledOrdinance Ordinance, DateTimeOffset? AsOf, EvaluationOptions Options)
{
    /// <summary>The ordinance and its higher laws as read from their files, before they were stacked: the ordinance first.</summary>
    public IReadOnlyList<Model.Ordinance> Loaded { get; init; } = [];

    public static EvaluationSetup? TryLoad(string ordinancePath, IReadOnlyList<string> laws, string? asOfText, IReadOnlyList<string> readings, YamlReadOptions read, List<Diagnostic> problems)
    {
        var loaded = OrdinanceYaml.LoadOrdinance(ordinancePath, read);
        if (!loaded.Succeeded)
        {
            problems.AddRange(InFile(ordinancePath, loaded.Diagnostics));
            return null;
        }

        var higherLaws = new List<Model.Ordinance>();
        foreach (var path in laws)
        {
            var law = OrdinanceYaml.LoadOrdinance(path, read);
            if (law.Succeeded)
            {
                higherLaws.Add(law.Value);
            }
            else
            {
                problems.AddRange(InFile(path, law.Diagnostics));
            }
        }

        if (problems.Count > 0)
        {
            return null;
        }

        // Stacked or not, scenarios are read in compiled.Ordinance's vocabulary: the stack's shared one.
        var compiled = OrdinanceCompiler.TryCompile(loaded.Value, higherLaws);
        if (!compiled.Succeeded)
        {
            problems.AddRange(compiled.Diagnostics);
            return null;
        }

        var ordinance = compiled.Value;
        DateTimeOffset? asOf = null;
        if (asOfText is not null)
        {
            if (!JurisdictionClock.For(ordinance.Ordinance.Jurisdiction.TimeZone).TryParse(asOfText, out var instant, out var error))
            {
                problems.Add(new Diagnostic(CliDiagnosticCodes.InvalidAsOf, $"--as-of: {error}"));
                return null;
            }

            asOf = instant;
        }

        if (!ReadingArguments.TryParse(ordinance.Ordinance, readings, out var options, out var readingProblems))
        {
            problems.AddRange(readingProblems);
            return null;
        }

        return new EvaluationSetup(ordinance, asOf, options with { ShowSensitive = read.ShowSensitive }) { Loaded = [loaded.Value, .. higherLaws] };
    }

    /// <summary>
    /// Loads a scenario in the ordinance's vocabulary (from standard input when the path is <c>-</c> and
    /// <paramref name="input"/> is given) and decides its as-of instant: the command line's, else its own.
    /// </summary>
    public (Scenario Scenario, DateTimeOffset AsOf)? TryLoadScenario(string path, List<Diagnostic> problems, StandardInput? input = null)
    {
        var reading = new YamlReadOptions { ShowSensitive = Options.ShowSensitive };
        Result<Scenario> scenario;
        if (input is not null && StandardInput.IsStandardInput(path))
        {
            var unread = new List<Diagnostic>();
            var text = input.ReadAll(unread);
            scenario = text is null ? Result<Scenario>.Failure(unread) : OrdinanceYaml.ParseScenario(text, StandardInput.FileName, Ordinance.Ordinance, reading);
        }
        else
        {
            scenario = OrdinanceYaml.LoadScenario(path, Ordinance.Ordinance, reading);
        }

        if (!scenario.Succeeded)
        {
            problems.AddRange(InFile(path, scenario.Diagnostics));
            return null;
        }

        var when = AsOf ?? scenario.Value.AsOf;
        if (when is null)
        {
            problems.Add(MissingAsOf(path, scenario.Value.Location));
            return null;
        }

        return (scenario.Value, when.Value);
    }

    /// <summary>The problem of a scenario with no as-of instant when none was given on the command line.</summary>
    public static Diagnostic MissingAsOf(string path, SourceLocation? location) =>
        new(CliDiagnosticCodes.MissingAsOf, "the scenario names no as-of instant; add 'as-of:' to it or pass --as-of", location ?? new SourceLocation(path, 1, 1));

    /// <summary>Writes every problem, one line each, and gives the bad-input exit code.</summary>
    public static int Fail(TextWriter errors, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            errors.WriteLine(diagnostic.ToString());
        }

        return CliApp.BadInput;
    }

    /// <summary>Places a problem with no location, such as a file that does not exist, at the start of the file named on the command line.</summary>
    public static IEnumerable<Diagnostic> InFile(string path, IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => d.Location is null ? d with { Location = new SourceLocation(path, 1, 1) } : d);
}
