using System.Collections.Immutable;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Vocabulary;
using OrdinanceRules.Yaml.Mapping;

namespace OrdinanceRules.Yaml.Reading;

/// <summary>
/// Finds the vocabulary an ordinance <c>uses</c> or a vocabulary file <c>extends</c>: a bundled one by name, or a
/// file by a path relative to the file that names it, following a chain of extensions to at most
/// <see cref="MaxChain"/> files and refusing a cycle.
/// </summary>
/// <param name="rootFile">The file read first (an ordinance or a vocabulary), whose folder relative paths start from.</param>
/// <param name="read">Reads a file: its path relative to the root file's folder, its full path, and where it was named; null when it cannot be read (reported).</param>
internal sealed class VocabularySources(string rootFile, Func<string, string, SourceLocation, string?> read)
{
    /// <summary>The most vocabulary files one chain of <c>extends</c> may hold.</summary>
    public const int MaxChain = 8;

    /// <summary>Sources that read files from disk, reporting a file that cannot be read.</summary>
    public static VocabularySources OnDisk(string rootFile, List<Diagnostic> diagnostics) =>
        new(rootFile, (_, path, at) => SourceFiles.ReadText(path, diagnostics, at));

    /// <summary>
    /// The vocabulary <paramref name="name"/> names, or null when it names none (reported).
    /// </summary>
    /// <param name="name">The scalar written after <paramref name="key"/>.</param>
    /// <param name="key"><c>uses</c> or <c>extends</c>, for messages.</param>
    /// <param name="from">The path of the file that names it, relative to the root file's folder (the root file's own name for the root).</param>
    /// <param name="chain">The files already in this chain, relative to the root's folder.</param>
    /// <param name="diagnostics">Where problems go.</param>
    public FactVocabulary? Resolve(YamlScalar name, string key, string from, ImmutableHashSet<string> chain, List<Diagnostic> diagnostics)
    {
        var value = name.Value;
        var isPath = value.Contains('/', StringComparison.Ordinal) || value.Contains('\\', StringComparison.Ordinal) ||
                     value.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || value.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
        if (!isPath)
        {
            var bundled = SourceFiles.BundledVocabulary(value);
            if (bundled is null)
            {
                var names = SourceFiles.BundledNames.Count == 0 ? "none" : string.Join(", ", SourceFiles.BundledNames);
                diagnostics.Add(new Diagnostic(
                    YamlDiagnosticCodes.FileNotFound,
                    $"there is no bundled vocabulary '{value}' (bundled: {names}); to use a file, give its path ending in .yaml{Suggestions.DidYouMean(value, SourceFiles.BundledNames)}",
                    name.ContentLocation));
                return null;
            }

            diagnostics.AddRange(bundled.Diagnostics);
            return bundled.Value;
        }

        if (Path.IsPathRooted(value) || !(value.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || value.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)))
        {
            diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.InvalidValue, $"'{key}' must be a bundled vocabulary's name or a .yaml file's path relative to this file, not '{value}'", name.ContentLocation));
            return null;
        }

        var relative = Path.Combine(Path.GetDirectoryName(from) ?? string.Empty, value);
        var key0 = ChainKey(relative);
        if (chain.Contains(key0))
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.VocabularyExtension, $"'{key}: {value}' makes a cycle: {value} is already in this chain of vocabularies that extend one another", name.ContentLocation));
            return null;
        }

        if (chain.Count >= MaxChain)
        {
            diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.LimitExceeded, $"a chain of vocabularies that extend one another holds at most {MaxChain} files", name.ContentLocation));
            return null;
        }

        var path = Path.Combine(Path.GetDirectoryName(rootFile) ?? string.Empty, relative);
        var text = read(relative, path, name.ContentLocation);
        if (text is null)
        {
            return null;
        }

        var result = VocabularyReader.Read(text, path, this, relative, chain.Add(key0));
        diagnostics.AddRange(result.Diagnostics);
        return result.Value;
    }

    /// <summary>The chain key of the root file itself, so that a file extending itself is a cycle.</summary>
    public static string ChainKey(string relative) => Path.GetFullPath(Path.Combine("/", relative));
}
