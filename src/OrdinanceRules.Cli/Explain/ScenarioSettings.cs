using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrdinanceRules.Cli.Explain;

/// <summary>What every single-scenario command takes: an ordinance, a scenario, the as-of instant and the readings.</summary>
internal abstract class ScenarioSettings : CommandSettings
{
    [CommandArgument(0, "<ordinance>")]
    [Description("The ordinance file (YAML).")]
    public string Ordinance { get; init; } = string.Empty;

    [CommandArgument(1, "<scenario>")]
    [Description("The scenario file (YAML).")]
    public string Scenario { get; init; } = string.Empty;

    [CommandOption("--as-of <INSTANT>")]
    [Description("Judge as of this instant (ISO 8601; a local time is read in the ordinance's zone). Defaults to the scenario's as-of.")]
    public string? AsOf { get; init; }

    [CommandOption("--reading <NAME=ALTERNATIVE>")]
    [Description("Evaluate under this alternative of one of the ordinance's readings instead of its default. Repeatable.")]
    public string[] Readings { get; init; } = [];

    [CommandOption("--law <HIGHER-LAW.YAML>")]
    [Description("Stack the ordinance under this higher law (a state or federal law file), as check does. Repeatable.")]
    public string[] Laws { get; init; } = [];

    [CommandOption("--show-sensitive")]
    [Description(OptionText.ShowSensitive)]
    public bool ShowSensitive { get; init; }

    [CommandOption("--allow-outside")]
    [Description(OptionText.AllowOutside)]
    public bool AllowOutside { get; init; }

    [CommandOption("-f|--format <FORMAT>")]
    [Description("Output format: text (for people) or json (for programs: docs/json.md).")]
    [DefaultValue("text")]
    public string Format { get; init; } = "text";

    public override ValidationResult Validate() => Rendering.JsonOutput.Validate(Format);
}
