namespace OrdinanceRules.Yaml;

/// <summary>
/// The stable codes of problems found while reading YAML files; docs/diagnostics.md explains each.
/// Problems in what the YAML means (a vocabulary, a condition, a fact) keep the core's codes in
/// <see cref="Diagnostics.DiagnosticCodes"/>.
/// </summary>
public static class YamlDiagnosticCodes
{
    /// <summary>The text is not well-formed YAML.</summary>
    public const string Syntax = "OR4001";

    /// <summary>A mapping has a key that the format does not define.</summary>
    public const string UnknownKey = "OR4002";

    /// <summary>A mapping has the same key twice.</summary>
    public const string DuplicateKey = "OR4003";

    /// <summary>A value has the wrong shape: a list where text belongs, an empty value, a tag, more than one document.</summary>
    public const string WrongShape = "OR4004";

    /// <summary>A required key is missing.</summary>
    public const string MissingKey = "OR4005";

    /// <summary>A file, a value, the nesting or the number of facts exceeds a limit.</summary>
    public const string LimitExceeded = "OR4006";

    /// <summary>The file uses anchors or aliases, which are not allowed.</summary>
    public const string AnchorOrAlias = "OR4007";

    /// <summary>A value is not one of the allowed words, or not a valid date, duration, instant or time zone.</summary>
    public const string InvalidValue = "OR4008";

    /// <summary>A file cannot be read, or a referenced vocabulary does not exist.</summary>
    public const string FileNotFound = "OR4009";

    /// <summary>A file is not valid UTF-8; reported at the first bad byte's line and column.</summary>
    public const string InvalidEncoding = "OR4010";

    /// <summary>A path written in a suite or an ordinance leaves the folder of the file that names it, and the caller did not allow that.</summary>
    public const string OutsideFolder = "OR4011";

    /// <summary>An ordinance's <c>extends:</c> leads back to itself, directly or through its bases.</summary>
    public const string ExtendsCycle = "OR4012";

    /// <summary>An extending ordinance's <c>overrides:</c> or <c>parameters:</c> names a provision or parameter its base does not declare.</summary>
    public const string UnknownOverride = "OR4013";

    /// <summary>A test suite names a provision, exception, variable, reading or alternative the ordinance does not declare.</summary>
    public const string NotInOrdinance = "OR6001";

    /// <summary>A test suite expects what no finding can be: pending for a provision that is not an obligation, exceptions on a finding that is not exception-applies.</summary>
    public const string CannotOccur = "OR6002";

    /// <summary>A test suite's case names no as-of instant, and neither does its scenario.</summary>
    public const string NoAsOf = "OR6003";

    /// <summary>Two cases of a test suite have the same name.</summary>
    public const string DuplicateCaseName = "OR6004";
}
