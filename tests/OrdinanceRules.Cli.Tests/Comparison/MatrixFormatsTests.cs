using System.Text.RegularExpressions;
using System.Xml.Linq;
using OrdinanceRules.Cli.Comparison;
using Spectre.Console;

namespace OrdinanceRules.Cli.Tests.Comparison;

public partial class MatrixFormatsTests
{
    private const string LateNotice = "p3-notice-at-48h01-violated";
    private const string NoNoticeYet = "p3-no-notice-yet-pending";
    private const string Hostile = "<script>alert(1)</script> & \"quotes\" | *stars* [link](x)";

    [Fact]
    public void Text_Redirected_IsAPlainTableWithTheDifferenceMarked()
    {
        using var folder = new ScenarioFolder(LateNotice, NoNoticeYet);

        var result = Cli.Run("compare", Samples.Ordinance, ScenarioFolder.Lawrence, "--scenarios", folder.Path);

        result.ExitCode.Should().Be(1, result.Errors);
        result.Output.Should().NotContain("\u001b[");
        var late = result.OutputLines.Single(l => l.Contains(LateNotice, StringComparison.Ordinal));
        late.Should().MatchRegex(@"│ p3-notice-at-48h01-violated +│ +VIOLATED +│ +COMPLIED +│ ≠ differs +│");
        var pending = result.OutputLines.Single(l => l.Contains(NoNoticeYet, StringComparison.Ordinal));
        pending.Should().MatchRegex(@"│ +PENDING +│ +PENDING +│ +│$");
        result.OutputLines.Should().Contain(l => l.Contains("│ P3 violated ", StringComparison.Ordinal) && l.Contains("│ LW-P4 complied ", StringComparison.Ordinal))
            .And.Contain("1 of 2 scenario(s) differ (the cells' verdicts, their most serious status, are not all the same).")
            .And.Contain("roeland-park-ks: 1 violated, 1 pending")
            .And.Contain("lawrence-ks: 1 pending, 1 complied");
    }

    [Fact]
    public void Text_InATerminal_IsColoured()
    {
        using var folder = new ScenarioFolder(LateNotice);

        var result = Cli.Run(AnsiSupport.Yes, "compare", Samples.Ordinance, ScenarioFolder.Lawrence, "--scenarios", folder.Path);

        result.Output.Should().Contain("\u001b[");
    }

    [Fact]
    public void Markdown_IsATableWithOneRowPerScenarioAndTheExactCells()
    {
        using var folder = new ScenarioFolder(LateNotice, NoNoticeYet);

        var result = Cli.Run("compare", Samples.Ordinance, ScenarioFolder.Lawrence, "--scenarios", folder.Path, "--format", "markdown");

        result.ExitCode.Should().Be(1, result.Errors);
        var table = MarkdownTable(result.Output);
        table[0].Should().Equal("Scenario", "roeland-park-ks", "lawrence-ks", "Differs");
        table[1].Should().OnlyContain(c => c == "---");
        table.Should().HaveCount(4);
        table[2].Should().Equal(
            "p3-no-notice-yet-pending<br>No alert yet, 32.5 hours after RPPD learned of a planned ICE arrest",
            "**PENDING**<br>P3 pending",
            "**PENDING**<br>LW-P4 pending",
            string.Empty);
        table[3].Should().Equal(
            "p3-notice-at-48h01-violated<br>Public alert posted one minute late",
            "**VIOLATED**<br>P3 violated",
            "**COMPLIED**<br>LW-P4 complied",
            "**≠ differs**");
    }

    [Fact]
    public void Markdown_EscapesAHostileScenarioName()
    {
        using var folder = new ScenarioFolder();
        folder.Write("hostile.yaml", HostileScenario);

        var result = Cli.Run("compare", Samples.Ordinance, ScenarioFolder.Lawrence, "--scenarios", folder.Path, "--format", "markdown");

        result.ExitCode.Should().Be(0, result.Errors);
        result.Output.Should().NotContain("<script>");
        var row = MarkdownTable(result.Output)[2];
        row.Should().HaveCount(4);
        row[0].Should().Be(@"hostile<br>&lt;script&gt;alert(1)&lt;/script&gt; &amp; ""quotes"" \| \*stars\* \[link\](x)");
    }

    [Fact]
    public void Html_IsSelfContainedWellFormedAndHasEveryCell()
    {
        using var folder = new ScenarioFolder(LateNotice, NoNoticeYet, "p6-witness-not-applicable");

        var result = Cli.Run("compare", Samples.Ordinance, ScenarioFolder.Lawrence, "--scenarios", folder.Path, "--format", "html");

        result.ExitCode.Should().Be(1, result.Errors);
        var html = result.Output;
        html.Should().StartWith("<!DOCTYPE html>");
        AssertSelfContained(html);

        var page = Parse(html);
        var rows = page.Descendants("tbody").Single().Elements("tr").ToList();
        rows.Should().HaveCount(3);
        rows.Should().OnlyContain(r => r.Elements("td").Count(td => Classes(td).Contains("cell")) == 2);
        rows.Select(r => (string?)r.Attribute("class")).Should().Equal("same", "differs", "differs");

        var late = rows[1].Elements("td").ToList();
        Classes(late[0]).Should().Contain("s-violated");
        Classes(late[1]).Should().Contain("s-complied");
        late[2].Value.Should().Be("≠ differs");

        // A click on a cell opens its findings: each with its reason and its citation.
        var details = late[0].Element("details")!;
        details.Element("summary")!.Value.Should().Be("violatedP3 violated");
        var finding = details.Elements("div").Single(d => Classes(d).Contains("f-violated"));
        finding.Elements("p").Single(p => Classes(p).Contains("cite")).Value.Should().Be("Roeland Park Ordinance 1005, § 4");
        finding.Elements("p").Single(p => Classes(p).Contains("reason")).Value.Should().StartWith("The duty arose from operation op-1, awareness k-1 and fell due at 2021-02-03 09:00:00 -06:00");
    }

    [Fact]
    public void Html_EscapesAHostileScenarioName()
    {
        using var folder = new ScenarioFolder();
        folder.Write("hostile.yaml", HostileScenario);

        var result = Cli.Run("compare", Samples.Ordinance, ScenarioFolder.Lawrence, "--scenarios", folder.Path, "--format", "html");

        result.ExitCode.Should().Be(0, result.Errors);
        result.Output.Should().NotContain("<script>alert").And.Contain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;");
        AssertSelfContained(result.Output);
        var page = Parse(result.Output);
        page.Descendants("script").Should().ContainSingle("the page's own script is the only one");
        page.Descendants("span").Single(s => Classes(s).Contains("name")).Value.Should().Be(Hostile);
    }

    [Fact]
    public void HtmlEscape_ReplacesMarkupAndControlCharacters()
    {
        OrdinanceRules.Cli.Rendering.MatrixHtml.Escape("a<b>&\"'\u0001\n").Should().Be("a&lt;b&gt;&amp;&quot;&#39;\uFFFD\n");
    }

    [Fact]
    public void Labels_AreFileNamesOrThePathsWhereNamesCollide()
    {
        ComparisonBuilder.Labels(["a/roeland-park-ks.yaml", "b/lawrence-ks.yaml"]).Should().Equal("roeland-park-ks", "lawrence-ks");
        ComparisonBuilder.Labels(["v1/draft.yaml", "v2/draft.yaml"]).Should().Equal("v1/draft.yaml", "v2/draft.yaml");
        ComparisonBuilder.Labels(["draft.yaml", "draft.yaml"]).Should().Equal("draft.yaml", "draft.yaml #2");
    }

    private static string HostileScenario => $"""
        scenario: '{Hostile.Replace("'", "''", StringComparison.Ordinal)}'
        as-of: 2021-05-01T12:00:00-05:00
        """;

    /// <summary>Nothing is loaded from elsewhere: no URL in src or href, no external script or style sheet, no @import or url( in the CSS.</summary>
    private static void AssertSelfContained(string html)
    {
        html.Should().NotContainAny("<link", "@import", "url(", "<iframe", "<img", "<object", "<embed");
        ExternalReference().IsMatch(html).Should().BeFalse();
        ScriptWithSource().IsMatch(html).Should().BeFalse();
    }

    /// <summary>The page is XHTML-compatible: after the HTML5 doctype, it is well-formed XML.</summary>
    private static XDocument Parse(string html) => XDocument.Parse(html["<!DOCTYPE html>".Length..]);

    private static string[] Classes(XElement element) => ((string?)element.Attribute("class") ?? string.Empty).Split(' ');

    /// <summary>The first table of a Markdown document, as rows of cells split on unescaped pipes.</summary>
    private static List<string[]> MarkdownTable(string markdown) =>
        [.. markdown.ReplaceLineEndings("\n").Split('\n')
            .SkipWhile(l => !l.StartsWith('|'))
            .TakeWhile(l => l.StartsWith('|'))
            .Select(l => UnescapedPipe().Split(l.Trim()[1..^1]).Select(c => c.Trim()).ToArray())];

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedPipe();

    [GeneratedRegex(@"(src|href)\s*=\s*[""']?\s*(https?:|//)", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();

    [GeneratedRegex(@"<script[^>]*\bsrc\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptWithSource();
}
