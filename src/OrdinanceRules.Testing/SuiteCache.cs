using System.Collections.Concurrent;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Yaml;

namespace OrdinanceRules.Testing;

/// <summary>A suite file read and its ordinance compiled, or the problems that stopped either.</summary>
internal sealed record LoadedSuite(SuiteFile? File, CompiledOrdinance? Ordinance, IReadOnlyList<Diagnostic> Problems)
{
    /// <summary>The suite and its compiled ordinance; throws when they could not be loaded.</summary>
    public (SuiteFile File, CompiledOrdinance Ordinance) GetOrThrow() =>
        File is not null && Ordinance is not null ? (File, Ordinance) : throw new OrdinanceDiagnosticException(Problems);
}

/// <summary>
/// Finds suite files and keeps each one loaded and compiled once per test run, whichever test asks first.
/// </summary>
internal static class SuiteCache
{
    private static readonly ConcurrentDictionary<string, Lazy<LoadedSuite>> Suites = new(StringComparer.Ordinal);

    // A suite named in the test code is the test author's own: its ordinance and scenarios may lie in sibling folders.
    private static readonly YamlReadOptions TrustedFiles = new() { AllowOutside = true };

    /// <summary>
    /// The full path of a suite: an absolute path as it is; a relative one is looked for under the test
    /// assembly's folder and each folder above it (so a path from the repository's root works from
    /// bin/Debug/...), then under the current folder.
    /// </summary>
    public static string Resolve(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Path.IsPathRooted(path))
        {
            return path;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, path);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return Path.GetFullPath(path);
    }

    public static LoadedSuite Load(string path) =>
        Suites.GetOrAdd(Resolve(path), static full => new Lazy<LoadedSuite>(() => Read(full))).Value;

    private static LoadedSuite Read(string path)
    {
        var file = OrdinanceYaml.LoadSuite(path, TrustedFiles);
        if (!file.Succeeded)
        {
            return new LoadedSuite(null, null, file.Diagnostics);
        }

        var compiled = OrdinanceCompiler.TryCompile(file.Value.Ordinance);
        return compiled.Succeeded
            ? new LoadedSuite(file.Value, compiled.Value, [])
            : new LoadedSuite(file.Value, null, compiled.Diagnostics);
    }
}
