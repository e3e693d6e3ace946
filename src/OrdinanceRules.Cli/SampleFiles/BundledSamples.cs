using System.Reflection;
using OrdinanceRules.Json;
using OrdinanceRules.Yaml;

namespace OrdinanceRules.Cli.SampleFiles;

/// <summary>
/// The repository's samples (ordinances, scenarios and test suites), embedded in the tool so that an
/// installed <c>ordinance</c> can copy them out: the paths the <c>--help</c> examples name then exist.
/// </summary>
internal static class BundledSamples
{
    private const string Prefix = "samples/";

    private static readonly Assembly Assembly = typeof(BundledSamples).Assembly;

    /// <summary>Each sample's path relative to the samples folder, with <c>/</c>, such as <c>ordinances/roeland-park-ks.yaml</c>, in ordinal order.</summary>
    public static IReadOnlyList<string> Paths { get; } =
    [
        .. Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..].Replace('\\', '/'))
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>The text of one sample.</summary>
    public static string Read(string path)
    {
        var name = Assembly.GetManifestResourceNames().Single(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n[Prefix.Length..].Replace('\\', '/') == path);
        using var stream = Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>An ordinance sample's title, or null when it does not read (it always does: the project's tests read every sample).</summary>
    public static string? Title(string path)
    {
        var ordinance = OrdinanceYaml.ParseOrdinance(Read(path), path);
        return ordinance.Succeeded ? ordinance.Value.Title : null;
    }

    /// <summary>The samples as <c>samples list|copy --format json</c> writes them.</summary>
    /// <param name="copiedTo">The folder they were copied into; null for <c>list</c>.</param>
    public static SamplesDocument Document(string? copiedTo = null) =>
        new(OrdinanceJson.SchemaVersion, [.. Paths.Select(p => Kind(p) is "ordinance" ? new SampleJson(p, "ordinance", Title(p)) : new SampleJson(p, Kind(p)))], copiedTo);

    private static string Kind(string path) => path switch
    {
        _ when path.StartsWith("ordinances/", StringComparison.Ordinal) => "ordinance",
        _ when path.StartsWith("tests/", StringComparison.Ordinal) => "suite",
        _ when path.EndsWith(".md", StringComparison.Ordinal) => "notes",
        _ => "scenario",
    };
}
