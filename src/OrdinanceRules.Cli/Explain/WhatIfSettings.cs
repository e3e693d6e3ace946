using System.ComponentModel;
using Spectre.Console.Cli;

namespace OrdinanceRules.Cli.Explain;

/// <summary>The arguments and options of <c>ordinance what-if</c>.</summary>
internal sealed class WhatIfSettings : CommandSettings
{
    [CommandArgument(0, "<ordinance>")]
    [Description("The ordinance file (YAML).")]
    public string Ordinance { get; init; } = string.Empty;

    [CommandArgument(1, "<scenario>")]
    [Description("The scenario file (YAML).")]
    public string Scenario { get; init; } = string.Empty;

    [CommandOption("--set <FACT.FIELD=VALUE>")]
    [Description("Change one field of one fact, such as t-1.specificity=specific, written as in scenario YAML (yes, no, a number, an enumeration value, an instant, a duration, a fact id, [a, b], unknown). Repeatable. Without --set, each unknown of each undetermined finding is tried instead.")]
    public string[] Sets { get; init; } = [];

    [CommandOption("--as-of <INSTANT>")]
    [Description("Judge as of this instant (ISO 8601; a local time is read in the ordinance's zone). Defaults to the scenario's as-of.")]
    public string? AsOf { get; init; }

    [CommandOption("--reading <NAME=ALTERNATIVE>")]
    [Description("Evaluate under this alternative of one of the ordinance's readings instead of its default. Repeatable.")]
    public string[] Readings { get; init; } = [];
}
