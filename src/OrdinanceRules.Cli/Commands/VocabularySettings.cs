using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrdinanceRules.Cli.Commands;

/// <summary>The argument and options of <c>ordinance vocabulary</c>.</summary>
internal sealed class VocabularySettings : CommandSettings
{
    /// <summary>The <c>--format</c> value that asks for the JSON Schema of scenario files in the vocabulary.</summary>
    public const string JsonSchema = "json-schema";

    [CommandArgument(0, "<vocabulary>")]
    [Description("A bundled vocabulary's name (immigration-cooperation), a vocabulary file (YAML) such as a city's extension, or an ordinance file (its vocabulary, with the types it declares).")]
    public string Vocabulary { get; init; } = string.Empty;

    [CommandOption("--allow-outside")]
    [Description(OptionText.AllowOutside)]
    public bool AllowOutside { get; init; }

    [CommandOption("-f|--format <FORMAT>")]
    [Description("Output format: text (a Markdown reference page), json (for programs: docs/json.md), or json-schema (the JSON Schema of scenario files in this vocabulary, which completes its fact types, fields and values in an editor).")]
    [DefaultValue("text")]
    public string Format { get; init; } = "text";

    public override ValidationResult Validate() => Rendering.JsonOutput.Validate(Format, JsonSchema);
}
