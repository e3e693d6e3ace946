using OrdinanceRules.Diagnostics;

namespace OrdinanceRules.Yaml.Reading;

/// <summary>
/// The bounds the YAML reader applies, as named in the core's <see cref="Limits"/>, which holds every number and
/// its reason (docs/diagnostics.md lists them).
/// </summary>
internal static class YamlLimits
{
    /// <summary>The largest file read, in bytes.</summary>
    public const int MaxFileBytes = Limits.MaxFileBytes;

    /// <summary>The deepest nesting of mappings and lists; the root mapping is level 1.</summary>
    public const int MaxDepth = Limits.MaxFileNesting;

    /// <summary>The longest scalar, in characters.</summary>
    public const int MaxScalarLength = Limits.MaxScalarLength;

    /// <summary>The most facts a scenario may state.</summary>
    public const int MaxFacts = Limits.MaxFacts;

    /// <summary>The most ordinances one <c>extends:</c> chain may hold, the extending file included.</summary>
    public const int MaxExtendsDepth = 8;

    /// <summary>The most cases a test suite may have.</summary>
    public const int MaxCases = Limits.MaxCases;
}
