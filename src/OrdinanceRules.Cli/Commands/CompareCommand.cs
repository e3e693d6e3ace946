using OrdinanceRules.Cli.Comparison;
using OrdinanceRules.Cli.Rendering;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrdinanceRules.Cli.Commands;

/// <summary>
/// <c>ordinance compare</c>: evaluates every scenario of a folder under every ordinance and prints the
/// matrix, scenario by ordinance, with the rows on which the ordinances disagree marked.
/// </summary>
/// <remarks>
/// Exit codes follow <c>diff</c>, and share 2 with <c>check</c>: 0 when no row differs, 1 when one does,
/// 2 for bad input. A violation in a cell does not change the exit code: <c>check</c> is for that.
/// </remarks>
internal sealed class CompareCommand(IAnsiConsole console, TextWriter errors, WorkingFolder folder) : Command<CompareSettings>
{
    /// <summary>The exit code when at least one row differs.</summary>
    public const int Differences = 1;

    public override int Execute(CommandContext context, CompareSettings settings, CancellationToken cancellationToken)
    {
        var built = ComparisonBuilder.Build(settings.Ordinances, settings.Scenarios!, settings.AsOf, folder.Reading(settings.AllowOutside, settings.ShowSensitive), settings.Readings);
        if (!built.Succeeded)
        {
            return EvaluationSetup.Fail(errors, built.Diagnostics);
        }

        var matrix = built.Value;
        var output = console.Profile.Out.Writer;
        switch (settings.Format)
        {
            case "markdown":
                output.Write(MatrixMarkdown.Write(matrix));
                break;
            case "json":
                JsonOutput.Write(console, MatrixJson.Document(matrix));
                break;
            case "html":
                output.Write(MatrixHtml.Write(matrix));
                break;
            default:
                MatrixTable.Render(console, matrix);
                break;
        }

        return matrix.Differences.Any() ? Differences : CliApp.Ok;
    }
}
