
namespace OrdinanceRules.Yaml.Reading;

/// <summary>Puts a file's diagnostics in reading order, whichever pass found them.</summary>
internal static class DiagnosticOrder
{
    /// <summary>
    /// Problems without a location first, then those in <paramref name="file"/> by line and column, then
    /// those in other files (a referenced vocabulary) in the order found.
    /// </summary>
    public static List<Diagnostic> Sort(IEnumerable<Diagnostic> diagnostics, string file) =>
    [
        .. diagnostics
            .OrderBy(d => d.Location is null ? 0 : d.Location.File == file ? 1 : 2)
            .ThenBy(d => d.Location?.File == file ? d.Location.Line : 0)
            .ThenBy(d => d.Location?.File == file ? d.Location.Column : 0),
    ];
}
