using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrdinanceRules.Cli.Validate;

/// <summary>The arguments and options of <c>ordinance validate</c>.</summary>
internal sealed class ValidateSettings : CommandSettings
{
    [CommandArgument(0, "<paths>")]
    [Description("Files, folders (every *.yaml and *.yml in them, at any depth) or glob patterns such as 'my-city/**/*.yaml' (quote them); '-' reads a scenario from standard input.")]
    public string[] Paths { get; init; } = [];

    [CommandOption("--law <HIGHER-LAW.YAML>")]
    [Description("Compile each ordinance stacked under this higher law, as 'check --law' does. Repeatable.")]
    public string[] Laws { get; init; } = [];

    [CommandOption("--ordinance <ORDINANCE.YAML>")]
    [Description("Read the scenarios in this ordinance's vocabulary. Needed only when the paths hold no ordinance, or several, and a scenario is not one a suite among them names.")]
    public string? Ordinance { get; init; }

    [CommandOption("--allow-outside")]
    [Description(OptionText.AllowOutside)]
    public bool AllowOutside { get; init; }

    [CommandOption("--show-sensitive")]
    [Description(OptionText.ShowSensitive)]
    public bool ShowSensitive { get; init; }

    [CommandOption("-f|--format <FORMAT>")]
    [Description("Output format: text (for people) or json (for programs: docs/json.md).")]
    [DefaultValue("text")]
    public string Format { get; init; } = "text";

    public override ValidationResult Validate() => Rendering.JsonOutput.Validate(Format);
}
