using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrdinanceRules.Cli.SampleFiles;

/// <summary>The options of <c>ordinance samples list</c>.</summary>
internal sealed class SamplesListSettings : CommandSettings
{
    [CommandOption("-f|--format <FORMAT>")]
    [Description("Output format: text (for people) or json (for programs: docs/json.md).")]
    [DefaultValue("text")]
    public string Format { get; init; } = "text";

    public override ValidationResult Validate() => Rendering.JsonOutput.Validate(Format);
}
