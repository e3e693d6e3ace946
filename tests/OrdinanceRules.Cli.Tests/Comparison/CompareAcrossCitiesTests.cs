using System.Text.Json;
using System.Xml.Linq;
using OrdinanceRules.Cli.Commands;
using OrdinanceRules.Cli.Comparison;

namespace OrdinanceRules.Cli.Tests.Comparison;

/// <summary>
/// compare across cities: one ordinance under two readings, an ordinance that extends another, and the HTML page's
/// links to the provisions' text, scenario descriptions, readings, version and filters.
/// </summary>
public class CompareAcrossCitiesTests
{
    private const string AnchorReading = "p3-anchor-read-on-monday";

    private static string Ordinances => Path.GetDirectoryName(Samples.Ordinance)!;

    [Fact]
    public void Reading_OneValue_ComparesTheDefaultsWithIt()
    {
        using var folder = new ScenarioFolder("reading-p3-anchor-read-on-monday", "p3-notice-at-48h-complied");

        var result = Cli.Run("compare", Samples.Ordinance, "--reading", "p3-anchor=actual-reading", "--scenarios", folder.Path, "--format", "json");

        result.ExitCode.Should().Be(CompareCommand.Differences, result.Errors);
        using var json = JsonDocument.Parse(result.Output);
        json.RootElement.GetProperty("ordinances").EnumerateArray().Select(o => o.GetProperty("label").GetString()).Should()
            .Equal("roeland-park-ks (default readings)", "roeland-park-ks (p3-anchor=actual-reading)");
        var row = json.RootElement.GetProperty("scenarios").EnumerateArray().Single(r => r.GetProperty("label").GetString()!.Contains(AnchorReading, StringComparison.Ordinal));
        row.GetProperty("differs").GetBoolean().Should().BeTrue();
        row.GetProperty("cells").EnumerateArray().Select(c => c.GetProperty("decision").GetProperty("readings").EnumerateArray().First(r => r.GetString()!.StartsWith("p3-anchor=", StringComparison.Ordinal)).GetString())
            .Should().Equal("p3-anchor=receipt", "p3-anchor=actual-reading");
    }

    [Fact]
    public void Reading_WithTwoOrdinances_IsBadInput()
    {
        using var folder = new ScenarioFolder("p3-notice-at-48h-complied");

        var result = Cli.Run("compare", Samples.Ordinance, ScenarioFolder.Lawrence, "--reading", "p3-anchor=actual-reading", "--scenarios", folder.Path);

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.ErrorLines.Should().Equal("error OR5102: --reading compares one ordinance under different readings: give exactly one ordinance, not 2");
    }

    [Fact]
    public void Reading_NotAnAlternative_IsBadInput()
    {
        using var folder = new ScenarioFolder("p3-notice-at-48h-complied");

        var result = Cli.Run("compare", Samples.Ordinance, "--reading", "p3-anchor=never", "--scenarios", folder.Path);

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.Errors.Should().Contain("error OR5005: --reading p3-anchor=never: 'never' is not an alternative of reading 'p3-anchor'");
    }

    [Fact]
    public void Html_LinksEachFindingToItsProvisionsText_AndStatesDescriptionsReadingsVersionAndFilters()
    {
        using var folder = new ScenarioFolder("p2-detainer-hold-violated");
        var kck = Path.Combine(Ordinances, "kansas-city-ks.yaml");

        var result = Cli.Run("compare", Samples.Ordinance, kck, "--scenarios", folder.Path, "--format", "html");

        result.ExitCode.Should().Be(CompareCommand.Differences, result.Errors);
        var page = XDocument.Parse(result.Output["<!DOCTYPE html>".Length..]);
        var ids = page.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToHashSet();
        var links = page.Descendants("a").Select(a => (string)a.Attribute("href")!).ToList();
        links.Should().NotBeEmpty().And.OnlyContain(href => href.StartsWith('#') && ids.Contains(href.Substring(1)), "every finding links to a provision's text on the page");
        var target = page.Descendants("div").Single(d => (string?)d.Attribute("id") == links.First()[1..]);
        target.Value.Should().Contain("[Paraphrase of S1, S2, S4.] The Roeland Park Police Department shall not provide support");

        page.Descendants("span").Single(s => (string?)s.Attribute("class") == "description").Value.Should().StartWith("Tests P2 violated (I-4)");
        page.Descendants("p").Where(p => (string?)p.Attribute("class") == "readings").Select(p => p.Value).Should()
            .Contain(r => r.Contains("p3-anchor=receipt (default)", StringComparison.Ordinal))
            .And.Contain("Readings: none declared");
        page.Descendants("p").Where(p => (string?)p.Attribute("class") == "extends").Select(p => p.Value).Should()
            .Equal("Extends: ACLU of Kansas Safe & Welcoming model rules (reconstructed)");
        page.Descendants("p").Where(p => (string?)p.Attribute("class") == "origin").Select(p => p.Value).Should()
            .Contain("From ACLU of Kansas Safe & Welcoming model rules (reconstructed), Model Rule K2.");
        page.Descendants("p").Single(p => (string?)p.Attribute("class") == "footer").Value.Should().Contain("version " + Json.OrdinanceJson.ToolVersion);

        var statuses = page.Descendants("select").Single(s => (string?)s.Attribute("id") == "status-filter").Elements("option").Select(o => (string)o.Attribute("value")!);
        statuses.Should().Equal("", "violated", "undetermined", "pending", "exception-applies", "complied", "not-applicable", "not-expressible");
        var provisions = page.Descendants("select").Single(s => (string?)s.Attribute("id") == "provision-filter").Elements("option").Select(o => (string)o.Attribute("value")!);
        provisions.Should().Equal("", "P1a", "P1b", "P2", "P3", "P4", "P4b", "P5", "P6", "AC-5", "K2", "K4");
        var row = page.Descendants("tbody").Single().Elements("tr").Single();
        ((string)row.Attribute("data-statuses")!).Split(' ').Should().BeEquivalentTo(["violated", "not-applicable"]);
        ((string)row.Attribute("data-provisions")!).Split(' ').Should().BeEquivalentTo(["P2"]);
    }

    [Fact]
    public void Html_NotExpressibleCell_SaysSoAndTheRowStillRenders()
    {
        using var folder = new ScenarioFolder();
        folder.Write("policy-revision.yaml", ScenarioFolder.LawrencePolicyRevision);

        var result = Cli.Run("compare", Samples.Ordinance, ScenarioFolder.Lawrence, "--scenarios", folder.Path, "--format", "html");

        result.ExitCode.Should().Be(CliApp.Ok, result.Errors);
        var page = XDocument.Parse(result.Output["<!DOCTYPE html>".Length..]);
        var cells = page.Descendants("td").Where(td => ((string?)td.Attribute("class") ?? string.Empty).Contains("cell", StringComparison.Ordinal)).ToList();
        cells.Select(c => (string?)c.Attribute("data-verdict")).Should().Equal("not-expressible", "pending");
        cells[0].Value.Should().Contain(Verdicts.NotExpressible).And.Contain("'policyRevision', which the vocabulary does not declare");
    }
}
