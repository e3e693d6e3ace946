namespace OrdinanceRules.Yaml;

/// <summary>How far reading may reach beyond the file named: by default a suite's ordinance and scenarios, and an ordinance's vocabulary file, must lie inside the folder of the file that names them.</summary>
/// <remarks>
/// Suites and ordinances come from other cities: one that names <c>../../</c> could make the reader open, and echo
/// in its errors, any file the user can read. Allow more only for files you trust, such as your own repository's.
/// </remarks>
public sealed class YamlReadOptions
{
    /// <summary>The defaults: references stay inside their file's folder.</summary>
    public static YamlReadOptions Default { get; } = new();

    /// <summary>Whether a path may lead outside the folder of the file that writes it (through <c>..</c> or a symbolic link).</summary>
    public bool AllowOutside { get; init; }
}
