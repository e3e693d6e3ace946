using OrdinanceRules.Cli.Commands;
using OrdinanceRules.Cli.Rendering;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Json;
using OrdinanceRules.Yaml;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrdinanceRules.Cli.Validate;

/// <summary>
/// <c>ordinance validate</c>: reads every file given (ordinances compiled, stacked under <c>--law</c>; suites with
/// their ordinance and scenarios; scenarios in their ordinance's vocabulary) and reports every problem of every file.
/// </summary>
internal sealed class ValidateCommand(IAnsiConsole console, TextWriter errors, StandardInput input, WorkingFolder folder) : Command<ValidateSettings>
{
    public override int Execute(CommandContext context, ValidateSettings settings, CancellationToken cancellationToken)
    {
        var problems = new List<Diagnostic>();
        var files = InputPaths.Expand(settings.Paths, problems);
        var read = folder.Reading(settings.AllowOutside, settings.ShowSensitive);
        var laws = LoadLaws(settings.Laws, read, problems);
        var entries = files.Select(Read).ToList();

        foreach (var entry in entries.Where(e => e.Kind == FileKind.Ordinance))
        {
            entry.Ordinance = CompileOrdinance(entry, read, laws);
        }

        var coveredBySuites = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries.Where(e => e.Kind is FileKind.Vocabulary or FileKind.Suite))
        {
            ValidateVocabularyOrSuite(entry, coveredBySuites, read);
        }

        var scenarioOrdinance = ScenarioOrdinance(settings, read, entries, laws, problems);
        foreach (var entry in entries.Where(e => e.Kind == FileKind.Scenario))
        {
            ValidateScenario(entry, read, scenarioOrdinance, coveredBySuites, settings.Ordinance is not null, entries.Count(e => e.Kind == FileKind.Ordinance));
        }

        var invalid = entries.Count(e => e.Problems.Count > 0);
        var exitCode = problems.Count == 0 && invalid == 0 ? CliApp.Ok : CliApp.BadInput;
        if (settings.Format == JsonOutput.Json)
        {
            // The problems are the result: in the document, not on standard error.
            JsonOutput.Write(console, new ValidationDocument(
                OrdinanceJson.SchemaVersion,
                [.. entries.Select(e => new ValidatedFileJson(e.Path, e.Kind.Word(), e.Problems.Count == 0, [.. e.Problems.Select(OrdinanceJson.Problem)]))],
                entries.Count - invalid,
                invalid,
                [.. problems.Select(OrdinanceJson.Problem)]));
            return exitCode;
        }

        foreach (var problem in problems.Concat(entries.SelectMany(e => e.Problems)))
        {
            errors.WriteLine(problem.ToString());
        }

        var output = console.Profile.Out.Writer;
        foreach (var entry in entries)
        {
            var verdict = entry.Problems.Count == 0 ? "valid  " : "invalid";
            var count = entry.Problems.Count switch { 0 => string.Empty, 1 => " (1 problem)", var n => $" ({n} problems)" };
            output.WriteLine($"{verdict}  {entry.Kind.Word(),-10}  {entry.Path}{count}");
        }

        output.WriteLine(entries.Count == 1 ? $"1 file: {(invalid == 0 ? "valid" : "with problems")}." : $"{entries.Count} files: {entries.Count - invalid} valid, {invalid} with problems.");
        return exitCode;
    }

    private static List<Model.Ordinance> LoadLaws(IEnumerable<string> paths, YamlReadOptions read, List<Diagnostic> problems)
    {
        var laws = new List<Model.Ordinance>();
        foreach (var path in paths)
        {
            var law = OrdinanceYaml.LoadOrdinance(path, read);
            if (law.Succeeded)
            {
                laws.Add(law.Value);
            }
            else
            {
                problems.AddRange(EvaluationSetup.InFile(path, law.Diagnostics));
            }
        }

        return laws;
    }

    private Entry Read(string path)
    {
        var loadProblems = new List<Diagnostic>();
        var read = StandardInput.IsStandardInput(path) ? input.ReadAll(loadProblems) : ReadBounded(path, loadProblems);
        if (read is not { } text)
        {
            var failed = new Entry(path, FileKind.Unknown, string.Empty);
            failed.Problems.AddRange(loadProblems);
            return failed;
        }

        var (kind, firstKey) = FileKinds.Of(text);
        var entry = new Entry(path, kind, text);
        if (kind == FileKind.Unknown)
        {
            var what = firstKey is null ? "it has no key" : $"its first key is '{firstKey}'";
            entry.Problems.Add(new Diagnostic(
                CliDiagnosticCodes.UnknownFileKind,
                $"this is not an ordinance, vocabulary, scenario or suite file: {what}; such a file starts with 'ordinance:' (or 'extends:'), 'vocabulary:', 'scenario:' or 'suite:'",
                new SourceLocation(entry.FileName, 1, 1)));
        }

        return entry;
    }

    /// <summary>A file's text, or null with the problem that kept it from being read, such as its size.</summary>
    private static string? ReadBounded(string path, List<Diagnostic> problems) =>
        // Only a regular file, at most 1 MiB counted while reading, valid UTF-8: the readers' own rules.
        Yaml.Reading.SourceFiles.ReadText(path, problems, new SourceLocation(path, 1, 1));

    private static CompiledOrdinance? CompileOrdinance(Entry entry, YamlReadOptions read, List<Model.Ordinance> laws)
    {
        var loaded = OrdinanceYaml.ParseOrdinance(entry.Text, entry.FileName, read);
        if (!loaded.Succeeded)
        {
            entry.Problems.AddRange(EvaluationSetup.InFile(entry.FileName, loaded.Diagnostics));
            return null;
        }

        var compiled = OrdinanceCompiler.TryCompile(loaded.Value, laws);
        entry.Problems.AddRange(EvaluationSetup.InFile(entry.FileName, compiled.Diagnostics));
        return compiled.Succeeded ? compiled.Value : null;
    }

    private static void ValidateVocabularyOrSuite(Entry entry, HashSet<string> coveredBySuites, YamlReadOptions read)
    {
        if (entry.Kind == FileKind.Vocabulary)
        {
            entry.Problems.AddRange(EvaluationSetup.InFile(entry.FileName, OrdinanceYaml.ParseVocabulary(entry.Text, entry.FileName).Diagnostics));
            return;
        }

        var suite = OrdinanceYaml.ParseSuite(entry.Text, entry.FileName, read);
        entry.Problems.AddRange(EvaluationSetup.InFile(entry.FileName, suite.Diagnostics));
        if (!suite.Succeeded)
        {
            return;
        }

        entry.Problems.AddRange(OrdinanceCompiler.TryCompile(suite.Value.Ordinance).Diagnostics);
        foreach (var suiteCase in suite.Value.Suite.Cases)
        {
            if (suiteCase.Scenario.Location?.File is { } file)
            {
                coveredBySuites.Add(Path.GetFullPath(file));
            }
        }
    }

    /// <summary>The ordinance scenarios are read in: <c>--ordinance</c>'s, else the only ordinance among the paths.</summary>
    private static CompiledOrdinance? ScenarioOrdinance(ValidateSettings settings, YamlReadOptions read, List<Entry> entries, List<Model.Ordinance> laws, List<Diagnostic> problems)
    {
        if (settings.Ordinance is not null)
        {
            var given = entries.FirstOrDefault(e => e.Kind == FileKind.Ordinance && e.Path == settings.Ordinance);
            if (given is not null)
            {
                return given.Ordinance;
            }

            var loaded = OrdinanceYaml.LoadOrdinance(settings.Ordinance, read);
            if (!loaded.Succeeded)
            {
                problems.AddRange(EvaluationSetup.InFile(settings.Ordinance, loaded.Diagnostics));
                return null;
            }

            var compiled = OrdinanceCompiler.TryCompile(loaded.Value, laws);
            problems.AddRange(compiled.Diagnostics);
            return compiled.Succeeded ? compiled.Value : null;
        }

        var ordinances = entries.Where(e => e.Kind == FileKind.Ordinance).ToList();
        return ordinances.Count == 1 ? ordinances[0].Ordinance : null;
    }

    private static void ValidateScenario(Entry entry, YamlReadOptions read, CompiledOrdinance? ordinance, HashSet<string> coveredBySuites, bool ordinanceGiven, int ordinanceCount)
    {
        if (ordinance is not null)
        {
            entry.Problems.AddRange(EvaluationSetup.InFile(entry.FileName, OrdinanceYaml.ParseScenario(entry.Text, entry.FileName, ordinance.Ordinance, read).Diagnostics));
            return;
        }

        var coveredBySuite = !StandardInput.IsStandardInput(entry.Path) && coveredBySuites.Contains(Path.GetFullPath(entry.Path));
        if (coveredBySuite || ordinanceGiven || ordinanceCount == 1)
        {
            // Read with its suite; or its ordinance has problems of its own, reported at that file.
            return;
        }

        var why = ordinanceCount == 0 ? "the paths hold no ordinance" : $"the paths hold {ordinanceCount} ordinances";
        entry.Problems.Add(new Diagnostic(
            CliDiagnosticCodes.NoOrdinanceForScenario,
            $"cannot tell which ordinance this scenario is for: {why}, and no suite among them names it; pass --ordinance FILE",
            new SourceLocation(entry.FileName, 1, 1)));
    }

    /// <summary>One file given to validate, what it is, and its problems.</summary>
    private sealed class Entry(string path, FileKind kind, string text)
    {
        public string Path { get; } = path;

        public string FileName => StandardInput.IsStandardInput(Path) ? StandardInput.FileName : Path;

        public FileKind Kind { get; } = kind;

        public string Text { get; } = text;

        public List<Diagnostic> Problems { get; } = [];

        public CompiledOrdinance? Ordinance { get; set; }
    }
}
