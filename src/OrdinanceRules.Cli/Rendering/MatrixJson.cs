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
            [.. r.Cells.Select((c, i) => Cell(c, matrix.Ordinances[i]))],
            r.Description))],
        matrix.Differences.Count());

    /// <summary>
    /// One cell. A scenario the ordinance's vocabulary cannot express has the verdict <c>not-expressible</c>, no findings,
    /// a decision with no outcomes (nothing was decided), and the reasons it does not load.
    /// </summary>
    private static ComparisonCellJson Cell(ComparisonCell cell, ComparedOrdinance column)
    {
        if (cell.Report is { } report)
        {
            return new ComparisonCellJson(
                column.Label,
                report.AsOf,
                OrdinanceJson.Word(cell.Verdict!.Value),
                cell.Summary,
                [.. report.Findings.Select(f => OrdinanceJson.Finding(f, withText: false))],
                OrdinanceJson.Decision(report),
                []);
        }

        var asOf = cell.AsOf ?? default;
        return new ComparisonCellJson(
            column.Label,
            asOf,
            Verdicts.Kebab(cell.Verdict),
            [],
            [],
            new DecisionRecord(column.Citation, OrdinanceJson.ToolVersion, asOf, [], [], column.ContentHash),
            cell.NotExpressible.IsDefault ? [] : cell.NotExpressible);
    }
}
