using System.Collections.Concurrent;
using System.Text;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Vocabularies;
using OrdinanceRules.Vocabulary;
using OrdinanceRules.Yaml.Mapping;

namespace OrdinanceRules.Yaml.Reading;

/// <summary>Reads files from disk within the size limit, and the vocabularies bundled in OrdinanceRules.Vocabularies.</summary>
internal static class SourceFiles
{
    private static readonly ConcurrentDictionary<string, Result<FactVocabulary>> Bundled = new(StringComparer.Ordinal);

    /// <summary>The names of the bundled vocabularies, such as <c>immigration-cooperation</c>.</summary>
    public static IReadOnlyList<string> BundledNames => BundledVocabularyFiles.Names;

    /// <summary>Reads a whole file, refusing one over the size limit before reading it.</summary>
    public static string? ReadText(string path, List<Diagnostic> diagnostics, SourceLocation? referencedAt = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists && Directory.Exists(path))
            {
                diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.FileNotFound, $"cannot read '{path}': it is a folder, and a file is needed here; name one of the files in it", referencedAt));
                return null;
            }

            if (!info.Exists)
            {
                diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.FileNotFound, $"cannot read '{path}': the file does not exist", referencedAt));
                return null;
            }

            if (info.Length > YamlLimits.MaxFileBytes)
            {
                diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.LimitExceeded, $"the file is larger than {YamlLimits.MaxFileBytes / 1024 / 1024} MiB", referencedAt ?? new SourceLocation(path, 1, 1)));
                return null;
            }

            return File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.FileNotFound, $"cannot read '{path}': {ex.Message}", referencedAt));
            return null;
        }
    }

    /// <summary>A bundled vocabulary by name, parsed once; null when there is none of that name.</summary>
    public static Result<FactVocabulary>? BundledVocabulary(string name)
    {
        if (!BundledNames.Contains(name, StringComparer.Ordinal))
        {
            return null;
        }

        return Bundled.GetOrAdd(name, static n =>
        {
            var text = BundledVocabularyFiles.ReadText(n)
                ?? throw new InvalidOperationException($"The bundled vocabulary '{n}' is listed but cannot be opened.");
            return VocabularyReader.Read(text, $"bundled/{n}.yaml");
        });
    }
}
