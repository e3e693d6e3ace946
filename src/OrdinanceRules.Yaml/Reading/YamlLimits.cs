namespace OrdinanceRules.Yaml.Reading;

/// <summary>
/// Bounds on untrusted input, in one place; docs/yaml-reference.md lists them.
/// </summary>
internal static class YamlLimits
{
    /// <summary>The largest file read, in bytes (1 MiB), checked before parsing.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    /// <summary>The deepest nesting of mappings and lists; the root mapping is level 1.</summary>
    public const int MaxDepth = 32;

    /// <summary>The longest scalar, in characters (64 KiB).</summary>
    public const int MaxScalarLength = 64 * 1024;

    /// <summary>The most facts a scenario may state.</summary>
    public const int MaxFacts = 10_000;

    /// <summary>The most ordinances one <c>extends:</c> chain may hold, the extending file included.</summary>
    public const int MaxExtendsDepth = 8;

    /// <summary>The most cases a test suite may have; each may read a scenario file.</summary>
    public const int MaxCases = 1_000;
}
