namespace OrdinanceRules.Cli.Tests.Docs;

/// <summary>
/// The project gives its own account of the sources and readings it relies on (docs/sources.md): no bundled
/// sample, doc or source file sends a reader to the research notes the project was written from, which are
/// not in the repository.
/// </summary>
public class SourceCitationTests
{
    private static readonly string[] OutsideNames = ["ordinances.md", "roeland-park-readings.md", "shared/domain"];

    [Fact]
    public void BundledFiles_CiteOnlyWhatTheRepositoryHolds()
    {
        var files = new[] { "samples", "docs", "src", "schemas" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Samples.Root, folder), "*", SearchOption.AllDirectories))
            .Append(Path.Combine(Samples.Root, "README.md"))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && Path.GetExtension(f) is ".yaml" or ".md" or ".cs" or ".json" or ".html" or ".js" or ".csv")
            .ToList();

        var citations = files
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => OutsideNames.Any(n => l.Text.Contains(n, StringComparison.Ordinal)))
            .Select(l => $"{Path.GetRelativePath(Samples.Root, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        files.Should().HaveCountGreaterThan(100, "the samples, docs and sources are all read");
        citations.Should().BeEmpty("docs/sources.md is the project's account of its sources");
    }
}
