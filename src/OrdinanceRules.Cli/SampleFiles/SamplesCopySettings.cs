using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrdinanceRules.Cli.SampleFiles;

/// <summary>The arguments and options of <c>ordinance samples copy</c>.</summary>
internal sealed class SamplesCopySettings : CommandSettings
{
    [CommandArgument(0, "[folder]")]
    [Description("Where to write the samples: ordinances/, scenarios/ and tests/ inside it. Defaults to 'samples', so the --help examples run from the current folder.")]
    [DefaultValue("samples")]
    public string Folder { get; init; } = "samples";

    [CommandOption("--force")]
    [Description("Overwrite sample files that already exist in the folder.")]
    public bool Force { get; init; }

    [CommandOption("-f|--format <FORMAT>")]
    [Description("Output format: text (for people) or json (for programs: docs/json.md).")]
    [DefaultValue("text")]
    public string Format { get; init; } = "text";

    public override ValidationResult Validate() => Rendering.JsonOutput.Validate(Format);
}
