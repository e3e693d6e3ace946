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
    public static Result<Ordinance> LoadOrdinance(string path)
    {
        var diagnostics = new List<Diagnostic>();
        var text = SourceFiles.ReadText(path, diagnostics);
        return text is null ? Result<Ordinance>.Failure(diagnostics) : ParseOrdinance(text, path);
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
        return OrdinanceReader.Read(yaml, fileName, resolveFile);
    }

    /// <summary>Reads a vocabulary file.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The vocabulary, or every problem found.</returns>
    public static Result<FactVocabulary> LoadVocabulary(string path)
    {
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
        return VocabularyReader.Read(yaml, fileName);
    }

    /// <summary>Reads a scenario file in an ordinance's vocabulary; local times are read in its jurisdiction's zone.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="ordinance">The ordinance whose vocabulary and time zone the scenario uses.</param>
    /// <returns>The scenario, or every problem found.</returns>
    public static Result<Scenario> LoadScenario(string path, Ordinance ordinance) => LoadScenario(path, ordinance, showSensitive: false);

    /// <summary>
    /// Reads a scenario file, as <see cref="LoadScenario(string, Ordinance)"/>; its problems quote the values of
    /// sensitive fields (<see cref="FieldDefinition.Sensitive"/>) only when <paramref name="showSensitive"/> is true.
    /// </summary>
    /// <param name="path">The file's path.</param>
    /// <param name="ordinance">The ordinance whose vocabulary and time zone the scenario uses.</param>
    /// <param name="showSensitive">True for a reader entitled to see sensitive values.</param>
    /// <returns>The scenario, or every problem found.</returns>
    public static Result<Scenario> LoadScenario(string path, Ordinance ordinance, bool showSensitive)
    {
        ArgumentNullException.ThrowIfNull(ordinance);
        var diagnostics = new List<Diagnostic>();
        var text = SourceFiles.ReadText(path, diagnostics);
        return text is null ? Result<Scenario>.Failure(diagnostics) : ParseScenario(text, path, ordinance, showSensitive);
    }

    /// <summary>Reads a scenario from YAML text.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="fileName">The file's name, for diagnostics.</param>
    /// <param name="ordinance">The ordinance whose vocabulary and time zone the scenario uses.</param>
    /// <returns>The scenario, or every problem found.</returns>
    public static Result<Scenario> ParseScenario(string yaml, string fileName, Ordinance ordinance) => ParseScenario(yaml, fileName, ordinance, showSensitive: false);

    /// <summary>Reads a scenario from YAML text; its problems quote values of sensitive fields only when <paramref name="showSensitive"/> is true.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="fileName">The file's name, for diagnostics.</param>
    /// <param name="ordinance">The ordinance whose vocabulary and time zone the scenario uses.</param>
    /// <param name="showSensitive">True for a reader entitled to see sensitive values.</param>
    /// <returns>The scenario, or every problem found.</returns>
    public static Result<Scenario> ParseScenario(string yaml, string fileName, Ordinance ordinance, bool showSensitive)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(ordinance);
        return ScenarioReader.Read(yaml, fileName, ordinance, showSensitive);
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
    /// <see cref="Compilation.OrdinanceCompiler"/>, then run the suite with <see cref="SuiteRunner"/>.
    /// </remarks>
    public static Result<SuiteFile> LoadSuite(string path) => LoadSuite(path, showSensitive: false);

    /// <summary>Reads a test suite file, as <see cref="LoadSuite(string)"/>; problems in its scenarios quote values of sensitive fields only when <paramref name="showSensitive"/> is true.</summary>
    /// <param name="path">The suite file's path.</param>
    /// <param name="showSensitive">True for a reader entitled to see sensitive values.</param>
    /// <returns>The suite and its ordinance, or every problem found in the suite, the ordinance and the scenarios.</returns>
    public static Result<SuiteFile> LoadSuite(string path, bool showSensitive)
    {
        var diagnostics = new List<Diagnostic>();
        var text = SourceFiles.ReadText(path, diagnostics);
        return text is null ? Result<SuiteFile>.Failure(diagnostics) : SuiteReader.Read(text, path, showSensitive);
    }

    /// <summary>Reads a test suite from YAML text; the files it names are read from disk relative to <paramref name="fileName"/>'s folder.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="fileName">The file's name, for diagnostics and to resolve the ordinance's and scenarios' paths.</param>
    /// <returns>The suite and its ordinance, or every problem found.</returns>
    public static Result<SuiteFile> ParseSuite(string yaml, string fileName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(fileName);
        return SuiteReader.Read(yaml, fileName);
    }
}
