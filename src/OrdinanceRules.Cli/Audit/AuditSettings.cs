using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrdinanceRules.Cli.Audit;

/// <summary>The arguments and options of <c>ordinance audit</c>.</summary>
internal sealed class AuditSettings : CommandSettings
{
    public const string Ndjson = "ndjson";
    public const string Csv = "csv";

    [CommandArgument(0, "<ordinance>")]
    [Description("The ordinance file (YAML).")]
    public string Ordinance { get; init; } = string.Empty;

    [CommandArgument(1, "<records>")]
    [Description("The records: NDJSON (.ndjson, .jsonl: each line a scenario in JSON) or CSV (.csv: each row a flat record, mapped to facts by --mapping).")]
    public string Records { get; init; } = string.Empty;

    [CommandOption("-m|--mapping <MAPPING.YAML>")]
    [Description("For CSV records: a scenario file in which ${column} stands for the row's value of that column (an empty cell reads as unknown).")]
    public string? Mapping { get; init; }

    [CommandOption("-f|--format <FORMAT>")]
    [Description("How findings are written: ndjson (one JSON line a finding) or csv.")]
    [DefaultValue(Ndjson)]
    public string Format { get; init; } = Ndjson;

    [CommandOption("-o|--output <FILE>")]
    [Description("Write the findings to this file instead of standard output.")]
    public string? Output { get; init; }

    [CommandOption("--parallel <N>")]
    [Description("Evaluate on N cores; the output is in the records' order whatever N is.")]
    [DefaultValue(1)]
    public int Parallel { get; init; } = 1;

    [CommandOption("--as-of <INSTANT>")]
    [Description("Judge every record as of this instant (ISO 8601) instead of its own as-of.")]
    public string? AsOf { get; init; }

    [CommandOption("--reading <NAME=ALTERNATIVE>")]
    [Description("Evaluate under this alternative of one of the ordinance's readings instead of its default. Repeatable.")]
    public string[] Readings { get; init; } = [];

    [CommandOption("--law <HIGHER-LAW.YAML>")]
    [Description("Stack the ordinance under this higher law, as check does. Repeatable.")]
    public string[] Laws { get; init; } = [];

    [CommandOption("--show-sensitive")]
    [Description(OptionText.ShowSensitive)]
    public bool ShowSensitive { get; init; }

    [CommandOption("--allow-outside")]
    [Description(OptionText.AllowOutside)]
    public bool AllowOutside { get; init; }

    public override ValidationResult Validate() => this switch
    {
        { Format: not (Ndjson or Csv) } => ValidationResult.Error($"--format must be ndjson or csv, not '{Format}'"),
        { Parallel: < 1 or > 256 } => ValidationResult.Error($"--parallel must be from 1 to 256, not {Parallel}"),
        _ => ValidationResult.Success(),
    };
}
