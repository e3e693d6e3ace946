using System.Collections.Immutable;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Vocabulary;
using OrdinanceRules.Yaml.Mapping;

namespace OrdinanceRules.Yaml.Reading;

/// <summary>
/// Finds the vocabulary an ordinance <c>uses</c> or a vocabulary file <c>extends</c>: a bundled one by name, or a
/// file by a path relative to the file that names it (inside its folder unless allowed outside), following a
/// chain of extensions to at most <see cref="MaxChain"/> files and refusing a cycle.
/// </summary>
/// <param name="rootFile">The file read first (an ordinance or a vocabulary), whose folder relative paths start from.</param>
/// <param name="onDisk">True when files are read from disk (paths are checked against their folder); false when <paramref name="read"/> is the caller's resolver, given paths relative to the root's folder.</param>
/// <param name="options">How far a path may lead from the file that writes it (its confinement root, or none).</param>
/// <param name="read">Reads a file: its path relative to the root file's folder, its full path, and where it was named; null when it cannot be read (reported).</param>
internal sealed class VocabularySources(string rootFile, bool onDisk, YamlReadOptions options, Func<string, string, SourceLocation, string?> read)
{
    /// <summary>The most vocabulary files one chain of <c>extends</c> may hold.</summary>
    public const int MaxChain = 8;

    /// <summary>The root file as a link of the chain.</summary>
    public Link Root { get; } = new(Path.GetFileName(rootFile), rootFile);

    /// <summary>The chain that holds the root file alone, so that a file extending itself is a cycle.</summary>
    public ImmutableHashSet<string> RootChain => [KeyOf(Root)];

    /// <summary>Sources that read files from disk, reporting a file that cannot be read.</summary>
    public static VocabularySources OnDisk(string rootFile, YamlReadOptions options, List<Diagnostic> diagnostics) =>
        new(rootFile, onDisk: true, options, (_, path, at) => SourceFiles.ReadText(path, diagnostics, at));

    /// <summary>The vocabulary <paramref name="name"/> names, or null when it names none (reported).</summary>
    /// <param name="name">The scalar written after <paramref name="key"/>.</param>
    /// <param name="key"><c>uses</c> or <c>extends</c>, for messages.</param>
    /// <param name="from">The file that names it.</param>
    /// <param name="chain">The files already in this chain.</param>
    /// <param name="diagnostics">Where problems go.</param>
    public FactVocabulary? Resolve(YamlScalar name, string key, Link from, ImmutableHashSet<string> chain, List<Diagnostic> diagnostics)
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
                    $"there is no bundled vocabulary '{Echo.Value(value)}' (bundled: {names}); to use a file, give its path ending in .yaml{Suggestions.DidYouMean(value, SourceFiles.BundledNames)}",
                    name.ContentLocation));
                return null;
            }

            diagnostics.AddRange(bundled.Diagnostics);
            return bundled.Value;
        }

        if (Path.IsPathRooted(value) || !(value.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || value.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)))
        {
            diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.InvalidValue, $"'{key}' must be a bundled vocabulary's name or a .yaml file's path relative to this file, not '{Echo.Value(value)}'", name.ContentLocation));
            return null;
        }

        var relative = Path.Combine(Path.GetDirectoryName(from.Relative) ?? string.Empty, value);
        var path = onDisk
            ? SourceFiles.Resolve(from.Path, value, options, key, name.ContentLocation, diagnostics)
            : Path.Combine(Path.GetDirectoryName(rootFile) ?? string.Empty, relative);
        if (path is null)
        {
            return null;
        }

        var link = new Link(relative, path);
        if (chain.Contains(KeyOf(link)))
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.VocabularyExtension, $"'{key}: {Echo.Value(value)}' makes a cycle: {Echo.Value(value)} is already in this chain of vocabularies that extend one another", name.ContentLocation));
            return null;
        }

        if (chain.Count >= MaxChain)
        {
            diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.LimitExceeded, $"a chain of vocabularies that extend one another holds at most {MaxChain} files", name.ContentLocation));
            return null;
        }

        var text = read(relative, path, name.ContentLocation);
        if (text is null)
        {
            return null;
        }

        var result = VocabularyReader.Read(text, path, this, link, chain.Add(KeyOf(link)));
        diagnostics.AddRange(result.Diagnostics);
        return result.Value;
    }

    /// <summary>What identifies a file in a chain: its full path on disk, or its path relative to the root's folder.</summary>
    private string KeyOf(Link link) => onDisk ? Path.GetFullPath(link.Path) : Path.GetFullPath(Path.Combine("/", link.Relative));

    /// <summary>A file of a chain: its path relative to the root file's folder, and its path as read.</summary>
    internal sealed record Link(string Relative, string Path);
}
