using System.Text.RegularExpressions;

namespace OrdinanceRules.Cli.Tests.Docs;

/// <summary>
/// Every relative link in the Markdown the repository ships (README.md, docs/, the samples', packages' and benchmarks'
/// pages) leads to a file that exists and, where it names a section (<c>cli.md#sensitive-values</c>), to a heading
/// of that file, named as GitHub names headings.
/// </summary>
public partial class DocLinkTests
{
    private static string Root => Samples.Root;

    [Fact]
    public void EveryRelativeLink_LeadsToAnExistingFileAndSection()
    {
        var pages = Pages().ToList();
        var broken = new List<string>();
        var links = 0;

        foreach (var page in pages)
        {
            foreach (Match link in LinkPattern().Matches(OutsideCode(File.ReadAllText(page))))
            {
                var target = link.Groups[1].Value;
                if (SchemePattern().IsMatch(target))
                {
                    continue;
                }

                links++;
                var (path, anchor) = target.IndexOf('#', StringComparison.Ordinal) is var hash and >= 0 ? (target[..hash], target[(hash + 1)..]) : (target, "");
                var file = path.Length == 0 ? page : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, Uri.UnescapeDataString(path)));
                var where = $"{Path.GetRelativePath(Root, page)}: ({target})";
                if (!File.Exists(file) && !Directory.Exists(file))
                {
                    broken.Add($"{where}: no such file");
                }
                else if (anchor.Length > 0 && file.EndsWith(".md", StringComparison.Ordinal) && !Sections(file).Contains(anchor))
                {
                    broken.Add($"{where}: no heading '#{anchor}' in {Path.GetFileName(file)}");
                }
            }
        }

        links.Should().BeGreaterThan(100, "the pages link to one another");
        broken.Should().BeEmpty();
    }

    [Theory]
    [InlineData("## `check`", "check")]
    [InlineData("### Exit codes of `compare`", "exit-codes-of-compare")]
    [InlineData("## Readings and if-then-else", "readings-and-if-then-else")]
    [InlineData("## What K.S.A. § 12-16,140 says", "what-ksa--12-16140-says")]
    public void Sections_NameAHeadingAsGitHubDoes(string heading, string anchor)
    {
        using var folder = new TempFolder();
        var page = Path.Combine(folder.Path, "page.md");
        File.WriteAllText(page, $"# Title\n\n{heading}\n\n```md\n## Not a heading\n```\n");

        Sections(page).Should().BeEquivalentTo(["title", anchor]);
    }

    private static IEnumerable<string> Pages()
    {
        string[] skipped = ["bin", "obj", "node_modules", ".git"];
        return Directory.EnumerateFiles(Root, "*.md", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(Root, f).Split(Path.DirectorySeparatorChar).Any(skipped.Contains))
            .Order(StringComparer.Ordinal);
    }

    /// <summary>The anchors of a page's headings (a repeated one numbered -1, -2, ...) and of its <c>&lt;a id&gt;</c> tags.</summary>
    private static HashSet<string> Sections(string page)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in OutsideCode(File.ReadAllText(page)).Split('\n'))
        {
            if (HeadingPattern().Match(line) is { Success: true } heading)
            {
                var slug = SlugDropped().Replace(heading.Groups[1].Value.ToLowerInvariant(), "").Replace(' ', '-');
                var count = seen.GetValueOrDefault(slug);
                seen[slug] = count + 1;
                anchors.Add(count == 0 ? slug : $"{slug}-{count}");
            }

            foreach (Match tag in AnchorTagPattern().Matches(line))
            {
                anchors.Add(tag.Groups[1].Value);
            }
        }

        return anchors;
    }

    /// <summary>The text without its fenced code blocks, whose lines are neither links nor headings.</summary>
    private static string OutsideCode(string text) => FencePattern().Replace(text.Replace("\r\n", "\n", StringComparison.Ordinal), "");

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"^[a-z][a-z0-9+.-]*:", RegexOptions.IgnoreCase)]
    private static partial Regex SchemePattern();

    [GeneratedRegex(@"^#{1,6}\s+(.*?)\s*#*\s*$")]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"[^\w\- ]")]
    private static partial Regex SlugDropped();

    [GeneratedRegex(@"<a (?:id|name)=""([^""]+)""")]
    private static partial Regex AnchorTagPattern();

    [GeneratedRegex(@"^```.*?^```[^\n]*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencePattern();
}
