using System.Reflection;
using OrdinanceRules.Diagnostics;

namespace OrdinanceRules.Cli.Tests.Docs;

/// <summary>docs/diagnostics.md lists every limit of <see cref="Limits"/>, with its value and its reason.</summary>
public class LimitsPageTests
{
    [Fact]
    public void DiagnosticsPage_EveryLimit_HasARowOfTheLimitsTable()
    {
        var page = File.ReadAllText(Path.Combine(Path.GetDirectoryName(Samples.Ordinance)!, "..", "..", "docs", "diagnostics.md"));
        var rows = page.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)).ToList();
        var limits = typeof(Limits).GetMembers(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m is FieldInfo or PropertyInfo && (m.Name.StartsWith("Max", StringComparison.Ordinal) || m.Name.StartsWith("Min", StringComparison.Ordinal)))
            .Select(m => m.Name)
            .ToList();

        limits.Should().Contain(["MaxRecurringPeriods", "MaxEvaluationWork", "MaxCombinations"]);
        limits.Where(name => !rows.Any(r => r.Contains($"`{name}`", StringComparison.Ordinal)))
            .Should().BeEmpty("docs/diagnostics.md's limits table names every limit (Limits.cs)");
    }
}
