using System.Text.RegularExpressions;

namespace OrdinanceRules.Cli.Validate;

/// <summary>The four kinds of file, told apart by their first key (as the file formats define them).</summary>
internal enum FileKind
{
    /// <summary>Neither of the others: its first key is none of theirs.</summary>
    Unknown,

    /// <summary>An ordinance file: it starts with <c>ordinance:</c>.</summary>
    Ordinance,

    /// <summary>A vocabulary file: it starts with <c>vocabulary:</c>.</summary>
    Vocabulary,

    /// <summary>A scenario file: it starts with <c>scenario:</c>.</summary>
    Scenario,

    /// <summary>A test suite file: it starts with <c>suite:</c>.</summary>
    Suite,
}

/// <summary>Tells a file's kind from its text.</summary>
internal static partial class FileKinds
{
    /// <summary>The kind of a file, and its first key (null when it has none).</summary>
    public static (FileKind Kind, string? FirstKey) Of(string text)
    {
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            var trimmed = line.TrimEnd();
            if (trimmed.IsEmpty || trimmed[0] == '#' || trimmed[0] == '%' || trimmed.StartsWith("---"))
            {
                continue;
            }

            var match = TopLevelKey().Match(trimmed.ToString());
            if (!match.Success)
            {
                return (FileKind.Unknown, null);
            }

            var key = match.Groups[1].Value;
            return (key switch
            {
                "ordinance" or "extends" => FileKind.Ordinance,
                "vocabulary" => FileKind.Vocabulary,
                "scenario" => FileKind.Scenario,
                "suite" => FileKind.Suite,
                _ => FileKind.Unknown,
            }, key);
        }

        return (FileKind.Unknown, null);
    }

    /// <summary>The word for a kind, as the summary prints it.</summary>
    public static string Word(this FileKind kind) => kind switch
    {
        FileKind.Ordinance => "ordinance",
        FileKind.Vocabulary => "vocabulary",
        FileKind.Scenario => "scenario",
        FileKind.Suite => "suite",
        _ => "unknown",
    };

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9_-]*)\s*:")]
    private static partial Regex TopLevelKey();
}
