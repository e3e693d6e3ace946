namespace OrdinanceRules.Cli.Tests.Docs;

/// <summary>docs/decisions/README.md lists every decision record in the folder, and only those.</summary>
public class DecisionIndexTests
{
    private static string Folder => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Samples.Ordinance)!, "..", "..", "docs", "decisions"));

    [Fact]
    public void DecisionIndex_EveryRecord_IsListedOnceWithItsNumber()
    {
        var index = File.ReadAllText(Path.Combine(Folder, "README.md"));
        var records = Directory.GetFiles(Folder, "0*.md").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        records.Should().NotBeEmpty();
        foreach (var record in records)
        {
            index.Should().Contain($"- [{record![..4]}]({record})", "docs/decisions/README.md lists {0}", record);
        }

        System.Text.RegularExpressions.Regex.Matches(index, @"\]\((\d{4}-[^)]+\.md)\)").Select(m => m.Groups[1].Value)
            .Should().OnlyContain(linked => records.Contains(linked), "the index links only records that exist");
    }
}
