using System.Text.RegularExpressions;

namespace OrdinanceRules.Cli.Tests.Docs;

/// <summary>
/// A block marked <c>&lt;!-- doc-test: excerpt FILE --&gt;</c> quotes a file of the repository: its lines
/// appear in that file in the same order, with lines left out between them (docs/README.md, "Tested docs").
/// Comments are the page's own and are not compared: a comment-only line of the block is skipped, and a
/// trailing comment is cut from each side before the lines are compared.
/// </summary>
public partial class DocExcerptTests
{
    private static string Root => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Samples.Ordinance)!, "..", ".."));

    /// <summary>Every page with at least one excerpt block, and README.md in any case.</summary>
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string> { "README.md" };
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Order(StringComparer.Ordinal))
        {
            if (File.ReadAllText(file).Contains("doc-test: excerpt ", StringComparison.Ordinal))
            {
                data.Add("docs/" + Path.GetFileName(file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Excerpt_EachLine_AppearsInTheQuotedFileInOrder(string page) =>
        Check(page, File.ReadAllText(Path.Combine(Root, page))).Should().BeEmpty();

    [Fact]
    public void Excerpt_ReadmeExcerpts_AreFound()
    {
        // The README quotes the Roeland Park file and a scenario: the theory above must have something to check.
        Excerpts(File.ReadAllText(Path.Combine(Root, "README.md"))).Select(e => e.File).Should()
            .Contain(["samples/ordinances/roeland-park-ks.yaml", "samples/scenarios/roeland-park/p2-threat-specificity-unknown-undetermined.yaml"]);
    }

    [Fact]
    public void Excerpt_ALineTheFileDoesNotHave_IsReportedAtItsLine()
    {
        // A changed condition in the quote is caught; left-out lines and the page's comments are not.
        const string Page = "Text.\n<!-- doc-test: excerpt samples/ordinances/roeland-park-ks.yaml -->\n```yaml\n  - id: P2   # the second rule\n    # ... more keys\n    violated-when: a.beneficiary.component == 'ice'\n```\n";
        Check("page.md", Page).Should().ContainSingle().Which.Should().StartWith("page.md:6: `violated-when: a.beneficiary.component == 'ice'` is not in");
        Check("page.md", Page.Replace("a.beneficiary.component == 'ice'", "ice-component(a.beneficiary)", StringComparison.Ordinal)).Should().BeEmpty();
        Check("page.md", Page.Replace("roeland-park-ks.yaml", "nowhere.yaml", StringComparison.Ordinal)).Should().ContainSingle().Which.Should().Contain("does not exist");
    }

    /// <summary>What is wrong with a page's excerpts: one line per excerpt that does not match its file.</summary>
    private static List<string> Check(string page, string markdown)
    {
        var failures = new List<string>();
        foreach (var (line, quoted, block) in Excerpts(markdown))
        {
            var path = Path.Combine(Root, quoted);
            if (!File.Exists(path))
            {
                failures.Add($"{page}:{line}: the excerpt quotes {quoted}, which does not exist");
                continue;
            }

            var source = File.ReadAllLines(path).Select(Code).ToArray();
            var at = 0;
            foreach (var (offset, text) in block)
            {
                while (at < source.Length && source[at] != text)
                {
                    at++;
                }

                if (at == source.Length)
                {
                    failures.Add($"{page}:{line + offset}: `{text.Trim()}` is not in {quoted} (after the excerpt's previous line)");
                    break;
                }

                at++;
            }
        }

        return failures;
    }

    /// <summary>The excerpt blocks of a page: the line of the block's first line, the file it quotes, and its compared lines.</summary>
    private static List<(int Line, string File, List<(int Offset, string Text)> Lines)> Excerpts(string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var excerpts = new List<(int, string, List<(int, string)>)>();
        for (var i = 0; i < lines.Length; i++)
        {
            var directive = Directive().Match(lines[i]);
            if (!directive.Success || i + 1 >= lines.Length || !lines[i + 1].StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            var block = new List<(int, string)>();
            var j = i + 2;
            for (; j < lines.Length && !lines[j].StartsWith("```", StringComparison.Ordinal); j++)
            {
                var code = Code(lines[j]);
                if (code.Trim().Length > 0)
                {
                    block.Add((j - i - 2, code));
                }
            }

            excerpts.Add((i + 3, directive.Groups[1].Value, block));
            i = j;
        }

        return excerpts;
    }

    /// <summary>A line without its comment, if any, and without trailing spaces.</summary>
    private static string Code(string line)
    {
        var trimmed = line.TrimStart();
        if (trimmed.StartsWith('#'))
        {
            return string.Empty;
        }

        // A YAML comment starts at a '#' after a space, outside quotes.
        var (single, dbl) = (false, false);
        for (var i = 0; i < line.Length; i++)
        {
            switch (line[i])
            {
                case '\'' when !dbl: single = !single; break;
                case '"' when !single: dbl = !dbl; break;
                case '#' when !single && !dbl && i > 0 && char.IsWhiteSpace(line[i - 1]): return line[..i].TrimEnd();
            }
        }

        return line.TrimEnd();
    }

    [GeneratedRegex(@"^<!--\s*doc-test:\s*excerpt\s+(\S+)\s*-->\s*$")]
    private static partial Regex Directive();
}
