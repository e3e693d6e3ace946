using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrdinanceRules.Cli.Analyze;

/// <summary>The arguments and options of <c>ordinance analyze</c>.</summary>
internal sealed class AnalyzeSettings : SolverSettings
{
    [CommandArgument(0, "<ordinance>")]
    [Description("The ordinance file (YAML).")]
    public string Ordinance { get; init; } = string.Empty;

    [CommandOption("--reading <NAME=ALTERNATIVE>")]
    [Description("Analyse under this alternative of one of the readings instead of its default, such as p2-judicial-warrant=exception-for-criminal-immigration. Repeatable.")]
    public string[] Readings { get; init; } = [];

    [CommandOption("--law <HIGHER-LAW.YAML>")]
    [Description("Stack the ordinance under this higher law, as check does; a provision a permission of higher law prevails over is listed as not analysed. Repeatable.")]
    public string[] Laws { get; init; } = [];
}

/// <summary>What <c>analyze</c> and <c>diff</c> share: the bound searched, the solver's time limit, the witness folder and the format.</summary>
internal class SolverSettings : CommandSettings
{
    [CommandOption("--witnesses <FOLDER>")]
    [Description("Write each witness as a scenario file in this folder (made if missing), which 'ordinance check' evaluates to the outcome claimed; the file's first lines say the command.")]
    public string? Witnesses { get; init; }

    [CommandOption("--timeout <SECONDS>")]
    [Description("The time limit of each solver call, in seconds; a question not decided in time is reported as unknown.")]
    [DefaultValue(10.0)]
    public double Timeout { get; init; } = 10;

    [CommandOption("--facts <K>")]
    [Description("The most facts of one type a searched scenario holds (1 to 4). 'Never' means: in no scenario of that size.")]
    [DefaultValue(2)]
    public int Facts { get; init; } = 2;

    [CommandOption("-f|--format <FORMAT>")]
    [Description("Output format: text (a readable report) or json (for programs).")]
    [DefaultValue("text")]
    public string Format { get; init; } = "text";

    [CommandOption("--allow-outside")]
    [Description(OptionText.AllowOutside)]
    public bool AllowOutside { get; init; }

    public override ValidationResult Validate() =>
        Timeout is not (>= 0.001 and <= 3600) ? ValidationResult.Error($"--timeout must be 0.001 to 3600 seconds, not {Timeout.ToString(CultureInfo.InvariantCulture)}")
        : Facts is not (>= 1 and <= 4) ? ValidationResult.Error($"--facts must be 1 to 4, not {Facts}")
        : Rendering.JsonOutput.Validate(Format);
}
