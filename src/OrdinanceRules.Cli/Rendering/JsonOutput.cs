using OrdinanceRules.Json;
using Spectre.Console;

namespace OrdinanceRules.Cli.Rendering;

/// <summary>
/// The <c>--format text|json</c> choice every command offers, and the one way a command writes JSON: a document of the
/// library's public contract (<see cref="OrdinanceJson"/>), written straight to the output with no markup or colour.
/// </summary>
internal static class JsonOutput
{
    /// <summary>The <c>--format</c> value that asks for JSON.</summary>
    public const string Json = "json";

    /// <summary>Accepts <c>text</c> or <c>json</c>, or the extra formats a command offers.</summary>
    public static ValidationResult Validate(string format, params string[] others) =>
        format is "text" or Json || others.Contains(format)
            ? ValidationResult.Success()
            : ValidationResult.Error($"--format must be {string.Join(", ", others.Prepend(Json).Prepend("text").SkipLast(1))} or {others.Prepend(Json).Last()}, not '{format}'");

    /// <summary>Writes a document, then a newline.</summary>
    public static void Write<T>(IAnsiConsole console, T document)
        where T : class, IContractDocument =>
        console.Profile.Out.Writer.WriteLine(OrdinanceJson.Write(document));
}
