using System.Text.RegularExpressions;

namespace OrdinanceRules.Cli.Tests.Packaging;

/// <summary>The repository's address is one property, RepositoryUrl in Directory.Build.props, and every link to the repository agrees with it.</summary>
public partial class RepositoryUrlTests
{
    private static readonly string[] Extensions = [".cs", ".md", ".props", ".targets", ".csproj", ".sh", ".json", ".yaml"];

    [Fact]
    public void RepositoryUrl_IsSetOnlyInDirectoryBuildProps()
    {
        var settings = Files().Where(f => f.EndsWith(".props", StringComparison.Ordinal) || f.EndsWith(".targets", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("<RepositoryUrl>", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Samples.Root, f));

        settings.Should().Equal("Directory.Build.props");
        RepositoryUrl().Should().StartWith("https://");
    }

    [Fact]
    public void EveryLinkToTheRepository_StartsWithRepositoryUrl()
    {
        var url = RepositoryUrl();
        var uri = new Uri(url);
        var owner = $"{uri.Host}/{uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries)[0]}/";

        var stray = Files()
            .SelectMany(f => Link().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetRelativePath(Samples.Root, f), Link: m.Value)))
            .Where(l => l.Link.Contains(owner, StringComparison.OrdinalIgnoreCase) && !l.Link.StartsWith(url, StringComparison.Ordinal))
            .Select(l => $"{l.File}: {l.Link}");

        stray.Should().BeEmpty($"RepositoryUrl in Directory.Build.props is {url}; every link to the repository starts with it");
    }

    private static string RepositoryUrl() =>
        Regex.Match(File.ReadAllText(Path.Combine(Samples.Root, "Directory.Build.props")), "<RepositoryUrl>([^<]+)</RepositoryUrl>").Groups[1].Value;

    private static IEnumerable<string> Files() =>
        Directory.EnumerateFiles(Samples.Root, "*", SearchOption.AllDirectories)
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.Ordinal))
            .Where(f => !Path.GetRelativePath(Samples.Root, f).Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj" or ".git" or "node_modules" or "BenchmarkDotNet.Artifacts"));

    [GeneratedRegex(@"https?://[^\s""'<>)\]]+")]
    private static partial Regex Link();
}
