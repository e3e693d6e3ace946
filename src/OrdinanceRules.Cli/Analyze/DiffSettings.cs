using System.ComponentModel;
using Spectre.Console.Cli;

namespace OrdinanceRules.Cli.Analyze;

/// <summary>The arguments and options of <c>ordinance diff</c>.</summary>
internal sealed class DiffSettings : SolverSettings
{
    [CommandArgument(0, "<a>")]
    [Description("The first ordinance file (YAML).")]
    public string A { get; init; } = string.Empty;

    [CommandArgument(1, "[b]")]
    [Description("The second ordinance file: another city's over a shared vocabulary, or another version of the same file. Left out: <a> again, to compare two of its readings.")]
    public string? B { get; init; }

    [CommandOption("--reading-a <NAME=ALTERNATIVE>")]
    [Description("Take this alternative of a reading of <a> instead of its default. Repeatable.")]
    public string[] ReadingsA { get; init; } = [];

    [CommandOption("--reading-b <NAME=ALTERNATIVE>")]
    [Description("Take this alternative of a reading of <b> instead of its default. Repeatable.")]
    public string[] ReadingsB { get; init; } = [];
}
