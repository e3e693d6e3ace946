using OrdinanceRules.Cli.Comparison;
using OrdinanceRules.Json;

namespace OrdinanceRules.Cli.Rendering;

/// <summary>
/// The comparison matrix as the contract's <see cref="ComparisonDocument"/>: each cell's findings and decision record
/// mapped by <see cref="OrdinanceJson"/>, as <c>check</c> maps them (findings without the provision's text).
/// </summary>
internal static class MatrixJson
{
    public static ComparisonDocument Document(ComparisonMatrix matrix) => new(
        OrdinanceJson.SchemaVersion,
        [.. matrix.Ordinances.Select(o => new ComparedOrdinanceJson(o.Label, o.Path, o.Citation, o.Title, o.TimeZone, o.Notes, o.ContentHash))],
        [.. matrix.Rows.Select(r => new ComparisonRowJson(
            r.Label,
            r.Path,
            r.Name,
            r.Differs,
            [.. r.Cells.Select((c, i) => new ComparisonCellJson(
                matrix.Ordinances[i].Label,
                c.Report.AsOf,
                OrdinanceJson.Word(c.Verdict),
                c.Summary,
                [.. c.Report.Findings.Select(f => OrdinanceJson.Finding(f, withText: false))],
                OrdinanceJson.Decision(c.Report)))]))],
        matrix.Differences.Count());
}
