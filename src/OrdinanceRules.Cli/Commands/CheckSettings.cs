using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrdinanceRules.Cli.Commands;

/// <summary>The arguments and options of <c>ordinance check</c>.</summary>
internal sealed class CheckSettings : CommandSettings
{
    [CommandArgument(0, "<ordinance>")]
    [Description("The ordinance file (YAML).")]
    public string Ordinance { get; init; } = string.Empty;

    [CommandArgument(1, "<scenarios>")]
    [Description("One or more scenario files (YAML); '-' reads one from standard input.")]
    public string[] Scenarios { get; init; } = [];

    [CommandOption("-f|--format <FORMAT>")]
    [Description("Output format: text (a readable report) or json (for programs).")]
    [DefaultValue("text")]
    public string Format { get; init; } = "text";

    [CommandOption("--as-of <INSTANT>")]
    [Description("Judge as of this instant (ISO 8601; a local time is read in the ordinance's zone). Defaults to each scenario's as-of.")]
    public string? AsOf { get; init; }

    [CommandOption("--reading <NAME=ALTERNATIVE>")]
    [Description("Evaluate under this alternative of one of the ordinance's readings instead of its default, such as p3-anchor=actual-reading. Repeatable. 'ordinance readings' lists them.")]
    public string[] Readings { get; init; } = [];

    [CommandOption("--law <HIGHER-LAW.YAML>")]
    [Description("Stack the ordinance under this higher law (a state or federal law file, such as samples/ordinances/kansas-ksa-12-16-140.yaml): where a permission of it and a local provision bear on the same facts, the higher law prevails. Repeatable.")]
    public string[] Laws { get; init; } = [];

    [CommandOption("--show-sensitive")]
    [Description(OptionText.ShowSensitive)]
    public bool ShowSensitive { get; init; }

    [CommandOption("--allow-outside")]
    [Description(OptionText.AllowOutside)]
    public bool AllowOutside { get; init; }

    public override ValidationResult Validate() => Rendering.JsonOutput.Validate(Format);
}
