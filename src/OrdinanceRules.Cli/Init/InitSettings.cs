using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrdinanceRules.Cli.Init;

/// <summary>The arguments and options of <c>ordinance init</c>.</summary>
internal sealed class InitSettings : CommandSettings
{
    [CommandArgument(0, "<city>")]
    [Description("The new folder, named for the city, such as overland-park; the ordinance file is named after it.")]
    public string City { get; init; } = string.Empty;

    [CommandOption("--name <NAME>")]
    [Description("The city's name as written, such as \"Overland Park\". Defaults to the folder's name with each word capitalised.")]
    public string? Name { get; init; }

    [CommandOption("--state <STATE>")]
    [Description("The state the city is in.")]
    [DefaultValue("Kansas")]
    public string State { get; init; } = "Kansas";

    [CommandOption("--time-zone <ZONE>")]
    [Description("The city's IANA time zone, in which deadlines are measured and local times are read.")]
    [DefaultValue("America/Chicago")]
    public string TimeZone { get; init; } = "America/Chicago";

    [CommandOption("-f|--format <FORMAT>")]
    [Description("Output format: text (for people) or json (for programs: docs/json.md).")]
    [DefaultValue("text")]
    public string Format { get; init; } = "text";

    /// <summary>The folder's last segment, which names the ordinance and suite files.</summary>
    public string Slug => Path.GetFileName(Path.TrimEndingDirectorySeparator(City));

    public override ValidationResult Validate()
    {
        if (Rendering.JsonOutput.Validate(Format) is { Successful: false } format)
        {
            return format;
        }

        if (Slug.Length == 0 || !Slug.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            return ValidationResult.Error($"the city's folder name must be letters, digits, '-', '_' or '.', such as overland-park, not '{City}'");
        }

        if (NodaTime.DateTimeZoneProviders.Tzdb.GetZoneOrNull(TimeZone) is null)
        {
            return ValidationResult.Error($"--time-zone: '{TimeZone}' is not an IANA time zone, such as America/Chicago or America/New_York");
        }

        foreach (var (option, value) in new[] { ("--name", Name ?? string.Empty), ("--state", State) })
        {
            if (value.Any(c => char.IsControl(c) || c is '"' or '\\' or '#' or ':' or '{' or '}' or '[' or ']'))
            {
                return ValidationResult.Error($"{option}: '{value}' holds a character the ordinance file cannot take as written (a quote, backslash, '#', ':', a bracket or a control character)");
            }
        }

        return ValidationResult.Success();
    }
}
