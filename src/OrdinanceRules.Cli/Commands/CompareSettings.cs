using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrdinanceRules.Cli.Commands;

/// <summary>The arguments and options of <c>ordinance compare</c>.</summary>
internal sealed class CompareSettings : CommandSettings
{
    /// <summary>The formats <c>--format</c> accepts.</summary>
    public static readonly string[] Formats = ["text", "markdown", "json", "html"];

    [CommandArgument(0, "<ordinances>")]
    [Description("The ordinance files (YAML) to compare, one column each, in the order given.")]
    public string[] Ordinances { get; init; } = [];

    [CommandOption("-s|--scenarios <FOLDER>")]
    [Description("The folder of scenario files: each *.yaml file in it (not in its subfolders) is one row. A scenario that uses a fact type, field or value an ordinance's vocabulary lacks is shown as not expressible in that column.")]
    public string? Scenarios { get; init; }

    [CommandOption("-f|--format <FORMAT>")]
    [Description("Output format: text (a table), markdown, json, or html (one self-contained page to open in a browser).")]
    [DefaultValue("text")]
    public string Format { get; init; } = "text";

    [CommandOption("--reading <NAME=ALTERNATIVE>")]
    [Description("Compare one ordinance under readings instead of several ordinances: each value is one column's readings (name=alternative, several joined by commas). One value compares the default readings with it; two or more compare them with each other.")]
    public string[] Readings { get; init; } = [];

    [CommandOption("--as-of <INSTANT>")]
    [Description("Judge every scenario as of this instant (ISO 8601; a local time is read in each ordinance's zone). Defaults to each scenario's as-of.")]
    public string? AsOf { get; init; }

    [CommandOption("--show-sensitive")]
    [Description(OptionText.ShowSensitive)]
    public bool ShowSensitive { get; init; }
    [CommandOption("--allow-outside")]
    [Description(OptionText.AllowOutside)]
    public bool AllowOutside { get; init; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrEmpty(Scenarios))
        {
            return ValidationResult.Error("--scenarios <FOLDER> is required: the folder of scenario files to evaluate");
        }

        return Formats.Contains(Format, StringComparer.Ordinal)
            ? ValidationResult.Success()
            : ValidationResult.Error($"--format must be text, markdown, json or html, not '{Format}'");
    }
}
