using System.Text;

namespace OrdinanceRules.Vocabularies;

/// <summary>
/// The standard vocabulary files bundled in this assembly, as text: the ones an ordinance names in
/// <c>vocabulary: uses:</c> without a path. OrdinanceRules.Yaml reads them (its <c>StandardVocabularies</c>
/// gives them parsed).
/// </summary>
public static class BundledVocabularyFiles
{
    private const string ResourcePrefix = "OrdinanceRules.Vocabularies.";
    private const string ResourceSuffix = ".yaml";

    /// <summary>The names of the bundled vocabularies, such as <c>immigration-cooperation</c>, in ordinal order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        .. typeof(BundledVocabularyFiles).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(ResourceSuffix, StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..^ResourceSuffix.Length])
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>The YAML text of a bundled vocabulary.</summary>
    /// <param name="name">The vocabulary's name, such as <c>immigration-cooperation</c>.</param>
    /// <returns>The file's text, or null when no bundled vocabulary has that name.</returns>
    public static string? ReadText(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!Names.Contains(name, StringComparer.Ordinal))
        {
            return null;
        }

        using var stream = typeof(BundledVocabularyFiles).Assembly.GetManifestResourceStream(ResourcePrefix + name + ResourceSuffix)
            ?? throw new InvalidOperationException($"The bundled vocabulary '{name}' is listed but cannot be opened.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
