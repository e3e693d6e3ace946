using OrdinanceRules.Vocabulary;
using OrdinanceRules.Yaml.Reading;

namespace OrdinanceRules.Yaml;

/// <summary>
/// The vocabularies bundled with this library, the ones an ordinance names in <c>vocabulary: uses:</c>
/// without a path; for a scenario built in C#, use them through the typed methods of
/// <see cref="OrdinanceRules.Vocabularies.ImmigrationCooperationFacts"/> (in OrdinanceRules.Vocabularies, which bundles the files).
/// </summary>
/// <remarks>
/// Each vocabulary is parsed once and shared: the instance returned here is the one an ordinance that
/// uses the vocabulary unchanged carries as its <c>Vocabulary</c>. Thread-safe.
/// </remarks>
public static class StandardVocabularies
{
    /// <summary>
    /// The standard <c>immigration-cooperation</c> vocabulary: agencies, officials, persons, documents,
    /// requests, actions, directives, operations and the like, for "welcoming city" ordinances
    /// (src/OrdinanceRules.Vocabularies/Vocabularies/immigration-cooperation.yaml).
    /// </summary>
    public static FactVocabulary ImmigrationCooperation => Get("immigration-cooperation");

    /// <summary>The names of the bundled vocabularies, in ordinal order.</summary>
    public static IReadOnlyList<string> Names => SourceFiles.BundledNames;

    /// <summary>A bundled vocabulary by name.</summary>
    /// <param name="name">The vocabulary's name, such as <c>immigration-cooperation</c>.</param>
    /// <returns>The vocabulary.</returns>
    /// <exception cref="ArgumentException">No bundled vocabulary has that name.</exception>
    public static FactVocabulary Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var result = SourceFiles.BundledVocabulary(name)
            ?? throw new ArgumentException($"There is no bundled vocabulary '{name}' (bundled: {string.Join(", ", Names)}).", nameof(name));

        // A bundled vocabulary is tested at build time; a broken one is a defect of this library, not of the caller.
        return result.GetValueOrThrow();
    }
}
