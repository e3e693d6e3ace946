namespace OrdinanceRules.Yaml;

/// <summary>
/// How far reading may reach beyond the file named: a suite's ordinance and scenarios, and an ordinance's vocabulary
/// file, must lie inside a confinement root, by default the folder of the file that names them.
/// </summary>
/// <remarks>
/// Suites and ordinances come from other cities: one that names <c>../../</c> or <c>/etc/…</c> could make the reader
/// open, and echo in its errors, any file the user can read. <see cref="Root"/> widens the confinement to a folder the
/// caller trusts (the <c>ordinance</c> command line gives its working directory); <see cref="AllowOutside"/> lifts it,
/// for files you trust.
/// </remarks>
public sealed class YamlReadOptions
{
    /// <summary>The defaults: references stay inside their file's folder.</summary>
    public static YamlReadOptions Default { get; } = new();

    /// <summary>
    /// The folder references may not leave (through <c>..</c>, an absolute path or a symbolic link); null for the folder
    /// of the file that names the reference. A file that does not itself lie inside this folder is confined to its own.
    /// </summary>
    public string? Root { get; init; }

    /// <summary>Whether a path may lead outside the confinement root (through <c>..</c>, an absolute path or a symbolic link).</summary>
    public bool AllowOutside { get; init; }

    /// <summary>
    /// Whether problems in scenarios may quote the values of sensitive fields (<see cref="Vocabulary.FieldDefinition.Sensitive"/>):
    /// off by default, when they show <see cref="Vocabulary.Redaction.Placeholder"/> and suggest nothing. Only for a
    /// reader entitled to see a person's immigration status or personal details.
    /// </summary>
    public bool ShowSensitive { get; init; }
}
