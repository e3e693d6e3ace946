using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrdinanceRules.Cli.Commands;

/// <summary>The arguments and options of <c>ordinance test</c>.</summary>
internal sealed class TestSettings : CommandSettings
{
    [CommandArgument(0, "<paths>")]
    [Description("Test suite files, or folders searched recursively for *.suite.yaml and *.suite.yml files.")]
    public string[] Paths { get; init; } = [];

    [CommandOption("--junit <FILE>")]
    [Description("Also write the results as JUnit XML to this file, one testcase per case, for CI servers.")]
    public string? JUnit { get; init; }

    [CommandOption("-f|--format <FORMAT>")]
    [Description("Output format: text (failures and a summary) or json (every case, for programs: docs/json.md).")]
    [DefaultValue("text")]
    public string Format { get; init; } = "text";

    [CommandOption("--coverage")]
    [Description("List, per provision, which outcomes some case reached and which none did, with the total percentage.")]
    public bool Coverage { get; init; }

    [CommandOption("--min-coverage <PERCENT>")]
    [Description("Fail (exit code 1) when the outcome coverage is below this percentage, 0 to 100.")]
    public string? MinCoverage { get; init; }

    [CommandOption("--show-sensitive")]
    [Description(OptionText.ShowSensitive)]
    public bool ShowSensitive { get; init; }

    /// <summary>The minimum coverage as a number, once <see cref="Validate"/> has accepted it.</summary>
    public decimal? MinCoveragePercent =>
        MinCoverage is null ? null : decimal.Parse(MinCoverage.TrimEnd('%'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    [CommandOption("--allow-outside")]
    [Description(OptionText.AllowOutside)]
    public bool AllowOutside { get; init; }

    public override ValidationResult Validate()
    {
        if (MinCoverage is not null
            && (!decimal.TryParse(MinCoverage.TrimEnd('%'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent) || percent > 100))
        {
            return ValidationResult.Error($"--min-coverage must be a percentage from 0 to 100, such as 90 or 87.5, not '{MinCoverage}'");
        }

        return Rendering.JsonOutput.Validate(Format);
    }
}
