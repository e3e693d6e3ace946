using OrdinanceRules.Diagnostics;
using OrdinanceRules.Facts;
using OrdinanceRules.Model;
using OrdinanceRules.Suites;
using OrdinanceRules.Vocabulary;
using OrdinanceRules.Yaml.Mapping;
using OrdinanceRules.Yaml.Reading;

namespace OrdinanceRules.Yaml;

/// <summary>
/// Reads ordinances, vocabularies and scenarios from YAML (docs/yaml-reference.md). Reading is strict
/// and bounded: unknown or duplicate keys, values of the wrong shape, anchors and aliases, and input
/// over the limits are errors, and every problem in a file comes back at once as a diagnostic with its
/// file, line and column. No method throws for a problem in the input.
/// </summary>
/// <remarks>Stateless and thread-safe. Bundled vocabularies are parsed once and shared.</remarks>
public static class OrdinanceYaml
{
    /// <summary>Reads an ordinance file; a vocabulary it <c>uses</c> by path is read relative to it.</summary>
    /// <param name="path">The file's path; diagnostics name the file as given here.</param>
    /// <returns>The ordinance, or every problem found.</returns>
    public static Result<Ordinance> LoadOrdinance(string path) => LoadOrdinance(path, YamlReadOptions.Default);

    /// <summary>Reads an ordinance file; a vocabulary it <c>uses</c> by path is read relative to it, inside its folder unless the options allow more.</summary>
    /// <param name="path">The file's path; diagnostics name the file as given here.</param>
    /// <param name="options">How far references may reach; null for the defaults.</param>
    /// <returns>The ordinance, or every problem found.</returns>
    public static Result<Ordinance> LoadOrdinance(string path, YamlReadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Guard(path, () =>
        {
            var diagnostics = new List<Diagnostic>();
            var text = SourceFiles.ReadText(path, diagnostics);
            return text is null ? Result<Ordinance>.Failure(diagnostics) : OrdinanceReader.Read(text, path, null, options);
        });
    }

    /// <summary>Reads an ordinance from YAML text.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="fileName">The file's name, for diagnostics and to resolve a vocabulary's relative path.</param>
    /// <param name="resolveFile">
    /// Loads a vocabulary file given the relative path written in <c>uses:</c>, returning its text or null when
    /// there is no such file. When null, the file is read from disk relative to <paramref name="fileName"/>'s directory.
    /// </param>
    /// <returns>The ordinance, or every problem found.</returns>
    public static Result<Ordinance> ParseOrdinance(string yaml, string fileName, Func<string, string?>? resolveFile = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(fileName);
        return Guard(fileName, () => OrdinanceReader.Read(yaml, fileName, resolveFile));
    }

    /// <summary>Reads an ordinance from YAML text; a vocabulary it <c>uses</c> by path is read from disk relative to <paramref name="fileName"/>, inside the options' confinement root.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="fileName">The file's name, for diagnostics and to resolve a vocabulary's relative path.</param>
    /// <param name="options">How far references may reach.</param>
    /// <returns>The ordinance, or every problem found.</returns>
    internal static Result<Ordinance> ParseOrdinance(string yaml, string fileName, YamlReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(options);
        return Guard(fileName, () => OrdinanceReader.Read(yaml, fileName, null, options));
    }

    /// <summary>Reads a vocabulary file.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The vocabulary, or every problem found.</returns>
    public static Result<FactVocabulary> LoadVocabulary(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var diagnostics = new List<Diagnostic>();
        var text = SourceFiles.ReadText(path, diagnostics);
        return text is null ? Result<FactVocabulary>.Failure(diagnostics) : ParseVocabulary(text, path);
    }

    /// <summary>Reads a vocabulary from YAML text.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="fileName">The file's name, for diagnostics.</param>
    /// <returns>The vocabulary, or every problem found.</returns>
    public static Result<FactVocabulary> ParseVocabulary(string yaml, string fileName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(fileName);
        return Guard(fileName, () => VocabularyReader.Read(yaml, fileName));
    }

    /// <summary>Reads a scenario file in an ordinance's vocabulary; local times are read in its jurisdiction's zone.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="ordinance">The ordinance whose vocabulary and time zone the scenario uses.</param>
    /// <returns>The scenario, or every problem found.</returns>
    public static Result<Scenario> LoadScenario(string path, Ordinance ordinance) => LoadScenario(path, ordinance, YamlReadOptions.Default);

    /// <summary>
    /// Reads a scenario file, as <see cref="LoadScenario(string, Ordinance)"/>; its problems quote the values of
    /// sensitive fields (<see cref="FieldDefinition.Sensitive"/>) only when <see cref="YamlReadOptions.ShowSensitive"/> is on.
    /// </summary>
    /// <param name="path">The file's path.</param>
    /// <param name="ordinance">The ordinance whose vocabulary and time zone the scenario uses.</param>
    /// <param name="options">Whether problems may quote sensitive values; null for the defaults.</param>
    /// <returns>The scenario, or every problem found.</returns>
    public static Result<Scenario> LoadScenario(string path, Ordinance ordinance, YamlReadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(ordinance);
        var diagnostics = new List<Diagnostic>();
        var text = SourceFiles.ReadText(path, diagnostics);
        return text is null ? Result<Scenario>.Failure(diagnostics) : ParseScenario(text, path, ordinance, options);
    }

    /// <summary>Reads a scenario from YAML text.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="fileName">The file's name, for diagnostics.</param>
    /// <param name="ordinance">The ordinance whose vocabulary and time zone the scenario uses.</param>
    /// <returns>The scenario, or every problem found.</returns>
    public static Result<Scenario> ParseScenario(string yaml, string fileName, Ordinance ordinance) => ParseScenario(yaml, fileName, ordinance, YamlReadOptions.Default);

    /// <summary>Reads a scenario from YAML text; its problems quote values of sensitive fields only when <see cref="YamlReadOptions.ShowSensitive"/> is on.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="fileName">The file's name, for diagnostics.</param>
    /// <param name="ordinance">The ordinance whose vocabulary and time zone the scenario uses.</param>
    /// <param name="options">Whether problems may quote sensitive values; null for the defaults.</param>
    /// <returns>The scenario, or every problem found.</returns>
    public static Result<Scenario> ParseScenario(string yaml, string fileName, Ordinance ordinance, YamlReadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(ordinance);
        return Guard(fileName, () => ScenarioReader.Read(yaml, fileName, ordinance, (options ?? YamlReadOptions.Default).ShowSensitive));
    }

    /// <summary>
    /// Writes a scenario as YAML that <see cref="ParseScenario(string, string, Ordinance)"/> reads back into the same scenario (same facts,
    /// values, unknowns and as-of instant), for a records system that builds scenarios in code and keeps them as files.
    /// </summary>
    /// <param name="scenario">The scenario.</param>
    /// <returns>The YAML text.</returns>
    public static string WriteScenario(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return ScenarioWriter.Write(scenario);
    }

    /// <summary>
    /// Reads a test suite file (docs/yaml-reference.md, "Test suite files"), the ordinance it names and each
    /// scenario file its cases name, all relative to the suite's folder, and checks every expectation
    /// against the ordinance: a provision, exception, reading or variable it does not declare is an error.
    /// </summary>
    /// <param name="path">The suite file's path.</param>
    /// <returns>The suite and its ordinance, or every problem found in the suite, the ordinance and the scenarios.</returns>
    /// <remarks>
    /// The ordinance is read, not compiled: compile <see cref="SuiteFile.Ordinance"/> with
    /// <see cref="OrdinanceCompiler"/>, then run the suite with <see cref="SuiteRunner"/>.
    /// </remarks>
    public static Result<SuiteFile> LoadSuite(string path) => LoadSuite(path, YamlReadOptions.Default);

    /// <summary>Reads a test suite file, the ordinance and the scenario files it names, inside its folder unless the options allow more.</summary>
    /// <param name="path">The suite file's path.</param>
    /// <param name="options">How far references may reach; null for the defaults.</param>
    /// <returns>The suite and its ordinance, or every problem found.</returns>
    public static Result<SuiteFile> LoadSuite(string path, YamlReadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(path);
        var diagnostics = new List<Diagnostic>();
        var text = SourceFiles.ReadText(path, diagnostics);
        return text is null ? Result<SuiteFile>.Failure(diagnostics) : ParseSuite(text, path, options);
    }

    /// <summary>Reads a test suite from YAML text; the files it names are read from disk relative to <paramref name="fileName"/>'s folder.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="fileName">The file's name, for diagnostics and to resolve the ordinance's and scenarios' paths.</param>
    /// <returns>The suite and its ordinance, or every problem found.</returns>
    public static Result<SuiteFile> ParseSuite(string yaml, string fileName) => ParseSuite(yaml, fileName, YamlReadOptions.Default);

    /// <summary>Reads a test suite from YAML text; the files it names are read relative to <paramref name="fileName"/>'s folder, inside it unless the options allow more.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="fileName">The file's name, for diagnostics and to resolve the ordinance's and scenarios' paths.</param>
    /// <param name="options">How far references may reach; null for the defaults.</param>
    /// <returns>The suite and its ordinance, or every problem found.</returns>
    public static Result<SuiteFile> ParseSuite(string yaml, string fileName, YamlReadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(fileName);
        return Guard(fileName, () => SuiteReader.Read(yaml, fileName, options ?? YamlReadOptions.Default));
    }

    /// <summary>
    /// The last resort: no input may make reading throw. A fault of the reader becomes a diagnostic with a code, named
    /// by its type (never its message), asking for a report.
    /// </summary>
    private static Result<T> Guard<T>(string file, Func<Result<T>> read)
        where T : class
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or ArgumentNullException))
        {
            return Result<T>.Failure([new Diagnostic(DiagnosticCodes.InternalError, $"while reading the file: the reader failed ({ex.GetType().Name}); this is a bug, please report it with the file", new SourceLocation(file, 1, 1))]);
        }
    }
}
