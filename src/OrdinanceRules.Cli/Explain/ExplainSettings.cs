using System.ComponentModel;
using Spectre.Console.Cli;

namespace OrdinanceRules.Cli.Explain;

/// <summary>The arguments and options of <c>ordinance explain</c>.</summary>
internal sealed class ExplainSettings : ScenarioSettings
{
    [CommandOption("--provision <ID>")]
    [Description("Explain only this provision's findings, such as P2. Repeatable.")]
    public string[] Provisions { get; init; } = [];
}
