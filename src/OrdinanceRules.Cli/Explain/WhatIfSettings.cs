using System.ComponentModel;
using Spectre.Console.Cli;

namespace OrdinanceRules.Cli.Explain;

/// <summary>The arguments and options of <c>ordinance what-if</c>.</summary>
internal sealed class WhatIfSettings : ScenarioSettings
{
    [CommandOption("--set <FACT.FIELD=VALUE>")]
    [Description("Change one field of one fact, such as t-1.specificity=specific, written as in scenario YAML (yes, no, a number, an enumeration value, an instant, a duration, a fact id, [[a, b]], unknown). Repeatable. Without --set, each unknown of each undetermined finding is tried instead.")]
    public string[] Sets { get; init; } = [];
}
