using System.ComponentModel;
using Spectre.Console.Cli;

namespace OrdinanceRules.Cli.Commands;

/// <summary>The argument of <c>ordinance vocabulary</c>.</summary>
internal sealed class VocabularySettings : CommandSettings
{
    [CommandArgument(0, "<vocabulary>")]
    [Description("A bundled vocabulary's name (immigration-cooperation) or a vocabulary file (YAML), such as a city's extension.")]
    public string Vocabulary { get; init; } = string.Empty;
}
