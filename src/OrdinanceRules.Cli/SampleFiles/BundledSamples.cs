using System.Reflection;

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
}
