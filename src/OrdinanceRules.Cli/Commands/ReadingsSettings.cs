using System.ComponentModel;
using Spectre.Console.Cli;

namespace OrdinanceRules.Cli.Commands;

/// <summary>The argument of <c>ordinance readings</c>.</summary>
internal sealed class ReadingsSettings : CommandSettings
{
    [CommandArgument(0, "<ordinance>")]
    [Description("The ordinance file (YAML).")]
    public string Ordinance { get; init; } = string.Empty;
}
