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

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Reads a whole file as UTF-8: only a regular file (not a device, a pipe or a socket), and at most
    /// <see cref="Limits.MaxFileBytes"/> bytes, counted while reading whatever length the file system reports.
    /// Invalid UTF-8 is an error at its line and column.
    /// </summary>
    public static string? ReadText(string path, List<Diagnostic> diagnostics, SourceLocation? referencedAt = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var at = referencedAt ?? new SourceLocation(path, 1, 1);
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
                var why = Directory.Exists(path) ? "it is a folder, not a file" : "the file does not exist";
                diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.FileNotFound, $"cannot read '{Echo.Value(path)}': {why}", referencedAt));
                return null;
            }

            switch (RegularFile.Check(path, info))
            {
                case false:
                    diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.FileNotFound, $"cannot read '{Echo.Value(path)}': it is not a regular file (a device, a pipe or a socket); give a file", referencedAt));
                    return null;
                case null when info.Length == 0:
                    // Where the file's type cannot be asked, a length of zero is all a device or a pipe reports: never open it.
                    return string.Empty;
            }

            var bytes = ReadCapped(path);
            if (bytes is null)
            {
                diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.LimitExceeded, $"the file is larger than {Limits.MaxFileBytes / 1024 / 1024} MiB", at));
                return null;
            }

            return Decode(bytes, path, diagnostics);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.FileNotFound, $"cannot read '{Echo.Value(path)}': {Echo.Clean(ex.Message)}", referencedAt));
            return null;
        }
    }

    /// <summary>
    /// A path written in <paramref name="referringFile"/>, resolved relative to its folder; null (reported) when it leads
    /// outside the confinement root (through <c>..</c>, an absolute path or a symbolic link) and the options do not allow it.
    /// </summary>
    public static string? Resolve(string referringFile, string written, YamlReadOptions options, string key, SourceLocation writtenAt, List<Diagnostic> diagnostics)
    {
        var folder = Path.GetFullPath(Path.GetDirectoryName(referringFile) is { Length: > 0 } d ? d : ".");
        var full = Path.GetFullPath(Path.Combine(folder, written));
        var root = ConfinementRoot(folder, options.Root);
        if (!options.AllowOutside && Escapes(root, full))
        {
            var where = root == folder ? $"the folder of {Path.GetFileName(referringFile)}" : "the working folder";
            diagnostics.Add(new Diagnostic(
                YamlDiagnosticCodes.OutsideFolder,
                $"'{key}' names '{Echo.Value(written)}', which leads outside {where} ({Echo.Value(root)}); move the file inside it and name it by a relative path, "
                + "run ordinance from a folder that holds both files, or, for files you trust, pass --allow-outside (YamlReadOptions.AllowOutside)",
                writtenAt));
            return null;
        }

        // Shown in diagnostics and reports: as short as the referring file's own path, without '..' segments.
        return Path.IsPathRooted(referringFile) || Path.IsPathRooted(written) ? full : Path.GetRelativePath(Directory.GetCurrentDirectory(), full);
    }

    /// <summary>The folder a reference from <paramref name="folder"/> may not leave: <paramref name="root"/> when the folder lies inside it, else the folder itself.</summary>
    private static string ConfinementRoot(string folder, string? root)
    {
        if (root is null)
        {
            return folder;
        }

        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        return string.Equals(full, folder, PathComparison) || IsInside(full, folder) ? full : folder;
    }

    /// <summary>Whether <paramref name="full"/> is outside <paramref name="folder"/>, by its path or through a symbolic link on the way.</summary>
    private static bool Escapes(string folder, string full)
    {
        if (!IsInside(folder, full))
        {
            return true;
        }

        // A link inside the folder may point anywhere: follow each one between the folder and the file.
        for (var current = full; current.Length > folder.Length; current = Path.GetDirectoryName(current)!)
        {
            FileSystemInfo entry = File.Exists(current) ? new FileInfo(current) : new DirectoryInfo(current);
            if (entry.Exists && entry.LinkTarget is not null && entry.ResolveLinkTarget(returnFinalTarget: true) is { } target
                && !IsInside(Path.GetFullPath(folder), Path.GetFullPath(target.FullName)))
            {
                return true;
            }
        }

        return false;
    }

    private static StringComparison PathComparison =>
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private static bool IsInside(string folder, string path)
    {
        var root = Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar;
        return path.StartsWith(root, PathComparison);
    }

    /// <summary>The file's bytes, or null when there are more than the limit.</summary>
    private static byte[]? ReadCapped(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var buffer = new byte[Math.Min(Limits.MaxFileBytes + 1, 64 * 1024)];
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                if (buffer.Length > Limits.MaxFileBytes)
                {
                    return null;
                }

                Array.Resize(ref buffer, Math.Min(buffer.Length * 2, Limits.MaxFileBytes + 1));
            }

            var read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0)
            {
                return buffer[..total];
            }

            total += read;
        }
    }

    /// <summary>The text of UTF-8 bytes (a byte order mark is dropped); null (reported at its line and column) when they are not valid UTF-8.</summary>
    internal static string? Decode(byte[] bytes, string path, List<Diagnostic> diagnostics)
    {
        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }

        try
        {
            return StrictUtf8.GetString(span);
        }
        catch (DecoderFallbackException ex)
        {
            var offset = Math.Max(0, ex.Index);
            var before = span[..Math.Min(offset, span.Length)];
            var lastBreak = before.LastIndexOf((byte)'\n');
            var line = before.Count((byte)'\n') + 1;
            var column = StrictUtf8.GetCharCount(before[(lastBreak + 1)..]) + 1;
            diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.InvalidEncoding, $"the file is not valid UTF-8: byte 0x{span[offset]:X2} at this place is not part of a UTF-8 character; save the file as UTF-8", new SourceLocation(path, line, column)));
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
