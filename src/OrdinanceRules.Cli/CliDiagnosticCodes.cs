namespace OrdinanceRules.Cli;

/// <summary>The codes of the problems the command line itself reports; docs/cli.md explains each.</summary>
internal static class CliDiagnosticCodes
{
    /// <summary>The command line does not parse: an unknown option, a missing argument, a bad option value.</summary>
    public const string CommandLine = "OR5000";

    /// <summary>The <c>--as-of</c> value is not a date and time.</summary>
    public const string InvalidAsOf = "OR5001";

    /// <summary>A scenario has no <c>as-of</c> and none was given on the command line.</summary>
    public const string MissingAsOf = "OR5002";

    /// <summary>A folder given to <c>ordinance test</c> holds no test suite file.</summary>
    public const string NoSuites = "OR5003";

    /// <summary>An output file, such as <c>--junit</c>'s, cannot be written.</summary>
    public const string CannotWrite = "OR5004";

    /// <summary>A <c>--reading</c> value is not <c>name=alternative</c>, or names a reading or an alternative the ordinance does not declare.</summary>
    public const string InvalidReading = "OR5005";

    /// <summary><c>validate</c>: a path names no file, an empty folder, or a pattern that matches nothing.</summary>
    public const string NoFiles = "OR5301";

    /// <summary><c>validate</c>: a scenario whose ordinance cannot be told (no <c>--ordinance</c>, not exactly one ordinance among the paths, no suite naming it).</summary>
    public const string NoOrdinanceForScenario = "OR5302";

    /// <summary><c>validate</c>: a file that is not an ordinance, vocabulary, scenario or suite file by its first key.</summary>
    public const string UnknownFileKind = "OR5303";

    /// <summary><c>init</c> or <c>samples copy</c> would overwrite files that exist.</summary>
    public const string WouldOverwrite = "OR5401";

    /// <summary>The command failed by a fault of its own (a bug), not of its input; it asks for a report.</summary>
    public const string Internal = "OR5999";

    /// <summary><c>serve</c> cannot start: the folder is missing or holds no ordinance, a higher law is not a file, the port is taken, or the decision log cannot be opened.</summary>
    public const string CannotServe = "OR5501";

    /// <summary><c>audit</c>: the records file is missing, of a kind it does not read, or CSV without <c>--mapping</c>.</summary>
    public const string AuditCannotRead = "OR5601";

    /// <summary><c>audit</c>: the mapping file is missing, names no column, or names a column the CSV file does not have.</summary>
    public const string BadMapping = "OR5602";

    /// <summary><c>audit</c>: a record is not well-formed (a JSON line that is not an object, a CSV row short of fields); it is skipped.</summary>
    public const string BadRecord = "OR5603";
}
