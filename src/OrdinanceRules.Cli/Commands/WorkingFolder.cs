using OrdinanceRules.Yaml;

namespace OrdinanceRules.Cli.Commands;

/// <summary>
/// The folder the command runs in. A file read from inside it may name files anywhere inside it (the bundled suites
/// name <c>../../ordinances/…</c>); a file from outside it stays confined to its own folder. See
/// docs/decisions/0012-working-folder-confines-references.md.
/// </summary>
internal sealed record WorkingFolder(string Path)
{
    /// <summary>How far the files read may reach: inside this folder, or anywhere with <c>--allow-outside</c>.</summary>
    public YamlReadOptions Reading(bool allowOutside, bool showSensitive = false) => new() { Root = Path, AllowOutside = allowOutside, ShowSensitive = showSensitive };
}
